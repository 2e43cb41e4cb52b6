import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import zh from "@/messages/zh.json";
import { createAccount } from "@/test/accounts";
import { listEvents } from "./audit";
import { auditEventWords, publicDetail } from "./audit-words";
import { stepUpWithTotp } from "./step-up";

const t = createTranslator({ locale: "en", messages: en, namespace: "events" });

describe("publicDetail", () => {
  it("keeps the stored code and shows a wrong authenticator code in words", async () => {
    const { user } = await createAccount();
    await stepUpWithTotp(user, "000000", "add-passkey", "Chrome 140 on Linux");
    const [failed] = (await listEvents(user.id)).filter((event) => event.type === "step-up.failed");
    expect(failed.detail).toEqual({ reason: "totp" });
    expect(publicDetail(failed.detail, t)).toEqual(["wrong authenticator code"]);
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
    expect(publicDetail(detail, t)).toEqual(shown);
  });
});

describe("the activity log in the reader's language", () => {
  const spanish = createTranslator({ locale: "es", messages: es, namespace: "events" });
  const chinese = createTranslator({ locale: "zh", messages: zh, namespace: "events" });

  it("names each event, and a type this version does not know by its code", () => {
    expect(auditEventWords("sign-in.passkey", t)).toBe("Signed in with a passkey");
    expect(auditEventWords("sign-in.passkey", spanish)).toBe("Sesión iniciada con una llave de acceso");
    expect(auditEventWords("sign-in.passkey", chinese)).toBe("使用通行密钥登录");
    expect(auditEventWords("some.future-event", spanish)).toBe("some.future-event");
  });

  it("reads the detail in words: the sign-in mode, a reason, a step-up's purpose, a rename", () => {
    expect(publicDetail({ mode: "usernameless", label: "Mi portátil" }, spanish)).toEqual([
      "llave de acceso elegida de la lista del navegador, sin escribir el correo (sin nombre de usuario)",
      "Mi portátil",
    ]);
    expect(publicDetail({ reason: "password", verdict: "secret words" }, spanish)).toEqual(["contraseña incorrecta"]);
    expect(publicDetail({ purpose: "add-passkey" }, chinese)).toEqual(["用于添加通行密钥"]);
    expect(publicDetail({ from: "Chrome on Mac", label: "Work laptop" }, chinese)).toEqual([
      "“Chrome on Mac” → “Work laptop”",
    ]);
  });
});
