// A get() answer in, the card's result out: flags, the user handle, the signature counter against the last one this
// page saw, and the PRF result's presence. Decoding only, like describe-registration.ts.
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { parseAuthenticatorData } from "@simplewebauthn/server/helpers";
import type { CardRow, StepResult, StepStatus } from "./card";
import { flagRows } from "./flag-rows";
import type { ExtensionSummary, KnownCredential } from "./schemas";
import { REPORT_CARD_USER } from "./step-options";
import { STEPS, type GetStep, type StepId } from "./steps";
import { UnreadableResponse } from "./unreadable-response";

function decode(response: AuthenticationResponseJSON) {
  try {
    return parseAuthenticatorData(new Uint8Array(Buffer.from(response.response.authenticatorData, "base64url")));
  } catch (error) {
    throw new UnreadableResponse(`authenticatorData: ${(error as Error).message}`);
  }
}

/**
 * How the counter moved (WebAuthn L3 §6.1.1): 0 every time means the authenticator does not count, which is normal
 * for synced passkeys; otherwise it must go up on every use, or a site that checks it would suspect a cloned key.
 */
export function describeSignCount(previous: number | undefined, now: number): CardRow {
  const label = "Sign count";
  if (previous === undefined) return { label, value: `${now} (no earlier value from this page to compare)` };
  if (previous === 0 && now === 0)
    return { label, value: "0, stays 0: this authenticator does not count (normal for synced passkeys)" };
  if (now > previous) return { label, value: `went up from ${previous} to ${now}` };
  return {
    label,
    value: `did not go up (${previous} → ${now})`,
    note: "A site that checks counters would refuse this or suspect a cloned key.",
  };
}

function describeUserHandle(userHandle: string | undefined): CardRow {
  const label = "User handle";
  if (!userHandle) return { label, value: "not returned (allowed for a non-discoverable credential)" };
  return {
    label,
    value: userHandle === REPORT_CARD_USER.id ? "returned: the report card's" : "returned: another account's",
  };
}

function describePrf(extensions: ExtensionSummary): CardRow {
  const first = extensions.prf?.results?.first;
  if (first) return { label: "PRF result", value: `came back (${first.byteLength} bytes; not sent to the server)` };
  return {
    label: "PRF result",
    value: extensions.prf
      ? "none: the passkey or authenticator does not do PRF"
      : "not reported by the browser (no PRF support)",
  };
}

function verdict(step: GetStep, uv: boolean, extensions: ExtensionSummary): { status: StepStatus; headline: string } {
  if (step.userVerification === "required" && !uv) {
    return {
      status: "error",
      headline:
        "User verification was required, yet the answer says you were not verified (UV=0): the browser should have refused.",
    };
  }
  if (step.prf) {
    return extensions.prf?.results?.first
      ? { status: "supported", headline: "Supported: the passkey signed in and derived a PRF secret." }
      : { status: "not-supported", headline: "Not supported: the passkey signed in, but no PRF secret came back." };
  }
  return { status: "supported", headline: "Supported: the passkey signed in and your authenticator verified you." };
}

export function describeAssertion(
  stepId: StepId,
  response: AuthenticationResponseJSON,
  extensions: ExtensionSummary,
  known: KnownCredential[],
): StepResult {
  const step = STEPS[stepId];
  if (step.ceremony !== "get") throw new UnreadableResponse(`step ${stepId} does not sign in`);
  const authData = decode(response);
  const credential = known.find((candidate) => candidate.id === response.id);
  const rows: CardRow[] = [
    {
      label: "Credential used",
      value: credential ? `the one made by "${STEPS[credential.madeBy].title}"` : "not one this page made",
    },
    { label: "Attachment", value: response.authenticatorAttachment ?? "not reported by the browser" },
    ...flagRows(authData.flags),
    describeUserHandle(response.response.userHandle),
    describeSignCount(credential?.signCount, authData.counter),
    ...(step.prf ? [describePrf(extensions)] : []),
  ];
  return {
    stepId,
    ...verdict(step, authData.flags.uv, extensions),
    rows,
    ...(credential
      ? { credential: { id: credential.id, transports: [], signCount: authData.counter, madeBy: credential.madeBy } }
      : {}),
  };
}
