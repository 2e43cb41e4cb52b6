// A browser refusal in, the card's result out. Browsers answer NotAllowedError alike for "cancelled", "timed out" and
// "this authenticator cannot do that" (WebAuthn L3 §14.5.1, privacy), so where a step probes a capability that
// answer reads "not supported, or cancelled" and says which; nothing here pretends to know more. The general
// explanation is lib/compat's, in English (this is a developer page, decision 027): the page asks the server for it
// (explainBrowserFailure with "en"), so no translations ship with the card.
import type { CeremonyErrorExplanation } from "@/lib/compat/browser-errors";
import { algorithmLabel } from "./algorithms";
import type { StepResult } from "./card";
import { STEPS, type Step, type StepId } from "./steps";

export type BrowserError = { name: string; code?: string; message?: string };

const AMBIGUOUS =
  "Browsers give the same answer for “cancelled”, “timed out” and “cannot do this”, so the page cannot tell them apart.";

/** What a NotAllowedError most likely means for this step, when the visitor did not cancel. */
function capabilityMissing(step: Step): string | null {
  if (step.ceremony === "get") {
    return step.userVerification === "required"
      ? "The test passkey could not be used with user verification: an authenticator without a PIN or biometrics ends here."
      : null;
  }
  if (step.probesAlgorithm !== undefined)
    return `The authenticator did not make an ${algorithmLabel(step.probesAlgorithm)} key.`;
  if (step.residentKey === "required" && step.userVerification === "required") {
    return "No authenticator made a passkey that verifies you: a security key without a PIN, or one that cannot store passkeys, ends here.";
  }
  // Chromium raises userVerification to "required" for a discoverable credential on a security key (its
  // MakeCredentialRequestHandler::SpecializeRequestForAuthenticator), so "discouraged" does not help a key that has
  // no way to verify you.
  if (step.residentKey === "required") {
    return "No authenticator made a passkey, even without user verification: a security key that cannot store passkeys ends here, and in Chrome so does one without a PIN or biometrics (Chrome verifies you before it stores a passkey on a security key).";
  }
  if (step.userVerification === "required") {
    return "No authenticator verified you, even for a credential it need not store: a security key without a PIN or biometrics ends here.";
  }
  return null;
}

/** lib/compat's explanation of the error, or null when the server could not be asked. */
export type ExplainedFailure = Pick<CeremonyErrorExplanation, "cause" | "fix"> | null;

const NOT_EXPLAINED = {
  cause: "the browser refused, and this page could not load the explanation.",
  fix: "Reload the page and run this step again.",
};

export function describeStepFailure(stepId: StepId, error: BrowserError, explained: ExplainedFailure): StepResult {
  const step = STEPS[stepId];
  // SimpleWebAuthn's "see the cause" code says nothing the name does not.
  const code = error.code === "ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY" ? undefined : error.code;
  const detail = [code, error.name, error.message].filter(Boolean).join(": ");
  const missing = capabilityMissing(step);
  if (error.name === "NotAllowedError" && missing) {
    return {
      stepId,
      status: "not-supported",
      headline: `Not supported, or cancelled. ${missing}`,
      rows: [{ label: "Why unsure", value: AMBIGUOUS }],
      detail,
    };
  }
  if (error.name === "NotSupportedError" || error.name === "ConstraintError") {
    const what =
      step.ceremony === "create" && step.probesAlgorithm !== undefined
        ? `It cannot make an ${algorithmLabel(step.probesAlgorithm)} key.`
        : (missing ?? "It cannot do what this step asks.");
    return {
      stepId,
      status: "not-supported",
      headline: `Not supported: the authenticator said no. ${what}`,
      rows: [],
      detail,
    };
  }
  const { cause, fix } = explained ?? NOT_EXPLAINED;
  return {
    stepId,
    status: "error",
    headline: `Did not finish: ${cause}`,
    rows: [{ label: "What you can do", value: fix }],
    detail,
  };
}
