import { describe, expect, it } from "vitest";
import { createAccount } from "@/test/accounts";
import { listEvents, publicDetail } from "./audit";
import { stepUpWithTotp } from "./step-up";

describe("publicDetail", () => {
  it("keeps the stored code and shows a wrong authenticator code in words", async () => {
    const { user } = await createAccount();
    await stepUpWithTotp(user, "000000", "add-passkey", "Chrome 140 on Linux");
    const [failed] = (await listEvents(user.id)).filter((event) => event.type === "step-up.failed");
    expect(failed.detail).toEqual({ reason: "totp" });
    expect(publicDetail(failed.detail)).toEqual(["wrong authenticator code"]);
  });

  // The detail shapes the sign-in, step-up and support code paths record (grep recordEvent).
  it.each([
    ["a wrong password", { reason: "password" }, ["wrong password"]],
    ["a spent recovery code", { reason: "recovery-code" }, ["wrong or already used recovery code"]],
    [
      "a passkey the verifier refused, without its verdict",
      { reason: "passkey:not-verified", label: "My laptop", verdict: "signature invalid" },
      ["passkey not verified", "My laptop"],
    ],
    [
      "a passkey without user verification",
      { reason: "passkey:uv-missing" },
      ["passkey did not verify you (no PIN, fingerprint or face)"],
    ],
    ["a code with no words of its own", { reason: "step-up:required" }, ["step up required"]],
    ["a passkey label, as given", { label: "password" }, ["password"]],
    ["a withdrawal", { amount: "1.5 LAB", to: "lab1qqq" }, ["1.5 LAB", "lab1qqq"]],
    ["a support lookup", { email: "someone@example.com", found: "no" }, ["someone@example.com", "not found"]],
    ["a rename, old → new", { from: "Chrome on Mac", label: "Work laptop" }, ["“Chrome on Mac” → “Work laptop”"]],
    [
      "a username-first passkey sign-in",
      { mode: "username-first", label: "My laptop" },
      ["email typed first, then the passkey (username-first)", "My laptop"],
    ],
    [
      "a usernameless passkey sign-in",
      { mode: "usernameless", label: "My laptop" },
      ["passkey picked from the browser's list, no email typed (usernameless)", "My laptop"],
    ],
    [
      "an autofill passkey sign-in",
      { mode: "autofill", label: "My laptop" },
      ["passkey picked from the email field's suggestions (autofill)", "My laptop"],
    ],
  ])("%s", (_case, detail, shown) => {
    expect(publicDetail(detail)).toEqual(shown);
  });
});
