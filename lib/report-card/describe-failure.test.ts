import { describe, expect, it } from "vitest";
import { explainCeremonyError } from "@/lib/compat/browser-errors";
import { english } from "@/lib/compat/test-translators";
import { type BrowserError, describeStepFailure } from "./describe-failure";
import { STEPS, type StepId } from "./steps";

/** As the page does it: lib/compat's English explanation (from the server there), then the card's own words. */
const describeFailure = (stepId: StepId, error: BrowserError) =>
  describeStepFailure(stepId, error, explainCeremonyError({ ...error, ceremony: STEPS[stepId].ceremony }, english));

// The names and messages are Chromium's, as its virtual authenticator answers them (e2e/report-card.spec.ts).
const notAllowed = { name: "NotAllowedError", message: "The operation either timed out or was not allowed." };

describe("describeStepFailure: a browser refusal in plain words", () => {
  it("NotAllowedError on the UV-required passkey step: not supported, or cancelled, with the likely reason", () => {
    const result = describeFailure("passkey", { ...notAllowed, code: "ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY" });
    expect(result.status).toBe("not-supported");
    expect(result.headline).toBe(
      "Not supported, or cancelled. No authenticator made a passkey that verifies you: a security key without a PIN, or one that cannot store passkeys, ends here.",
    );
    expect(result.rows[0]?.value).toMatch(/cannot tell them apart/);
    expect(result.detail).toBe("NotAllowedError: The operation either timed out or was not allowed.");
  });

  it("NotAllowedError on the one-option steps names the option that was required", () => {
    const residentKey = describeFailure("resident-key-only", notAllowed);
    expect(residentKey.status).toBe("not-supported");
    expect(residentKey.headline).toBe(
      "Not supported, or cancelled. No authenticator made a passkey, even without user verification: a security key that cannot store passkeys ends here, and in Chrome so does one without a PIN or biometrics (Chrome verifies you before it stores a passkey on a security key).",
    );
    expect(residentKey.rows[0]?.value).toMatch(/cannot tell them apart/);

    const uv = describeFailure("uv-only", notAllowed);
    expect(uv.status).toBe("not-supported");
    expect(uv.headline).toBe(
      "Not supported, or cancelled. No authenticator verified you, even for a credential it need not store: a security key without a PIN or biometrics ends here.",
    );
  });

  it("NotAllowedError on an algorithm step names the algorithm", () => {
    expect(describeFailure("alg-es512", notAllowed).headline).toBe(
      "Not supported, or cancelled. The authenticator did not make an ES512 (-36) key.",
    );
  });

  it("NotAllowedError on the UV-required sign-in says what ends there", () => {
    const result = describeFailure("get-uv", notAllowed);
    expect(result.status).toBe("not-supported");
    expect(result.headline).toMatch(/without a PIN or biometrics/);
  });

  it("NotAllowedError where nothing special was asked is an error with a fix (most likely a cancel)", () => {
    const result = describeFailure("no-passkey", notAllowed);
    expect(result.status).toBe("error");
    expect(result.headline).toMatch(/^Did not finish: The request was cancelled or timed out/);
    expect(result.rows[0]?.label).toBe("What you can do");
  });

  it("NotSupportedError and ConstraintError are a plain no", () => {
    expect(describeFailure("alg-rs256", { name: "NotSupportedError" })).toMatchObject({
      status: "not-supported",
      headline: "Not supported: the authenticator said no. It cannot make an RS256 (-257) key.",
    });
    expect(describeFailure("passkey", { name: "ConstraintError" }).status).toBe("not-supported");
  });

  it("a site problem (SecurityError) is an error to escalate, with SimpleWebAuthn's code in the detail", () => {
    const result = describeFailure("passkey", {
      name: "SecurityError",
      code: "ERROR_INVALID_RP_ID",
      message: "The RP ID is invalid",
    });
    expect(result.status).toBe("error");
    expect(result.headline).toMatch(/different domain/);
    expect(result.detail).toBe("ERROR_INVALID_RP_ID: SecurityError: The RP ID is invalid");
  });
});
