// Every value a browser event may hold (docs/decisions/025): the ceremony, how it was asked for, how it ended and what
// the browser could do. Lists, not free text: what strangers send is stored and shown only as one of these, and read
// back in our own words (words.ts). Pure, so the page's reporter and the server share it without pulling in zod.

export const ceremonies = [
  "sign-in",
  "add-passkey",
  "step-up",
  "withdrawal",
  "live-test-create",
  "live-test-sign-in",
] as const;
export type Ceremony = (typeof ceremonies)[number];

/**
 * `modal`: a button asked; `conditional`: autofill, answered from the email field's suggestions; `immediate`: the quick
 * sign-in button (`uiMode: "immediate"`), which the browser answers at once or refuses without a dialog.
 */
export const mediations = ["modal", "conditional", "immediate"] as const;
export type Mediation = (typeof mediations)[number];

/**
 * `ok`: the browser answered with a credential (the server's verdict on it is its own event). The rest are the
 * DOMException names WebAuthn §5.1.3/§5.1.4 and browsers throw; anything else is `other`, never its name.
 */
export const outcomes = [
  "ok",
  "NotAllowedError",
  "AbortError",
  "InvalidStateError",
  "NotSupportedError",
  "SecurityError",
  "ConstraintError",
  "UnknownError",
  "TypeError",
  "NetworkError",
  "other",
] as const;
export type Outcome = (typeof outcomes)[number];

/** What the browser said it can do, each true, false or null (could not tell). */
export const capabilityFields = [
  "secureContext",
  "platformAuthenticator",
  "conditionalMediation",
  "hybridTransport",
  "passkeyPlatformAuthenticator",
  "signalApi",
] as const;
export type CapabilityField = (typeof capabilityFields)[number];

/** The longest a ceremony is counted: WebAuthn's own upper timeout is 10 minutes; longer reads as "10 minutes or more". */
export const MAX_DURATION_MS = 600_000;

export type BrowserEventReport = {
  ceremony: Ceremony;
  mediation: Mediation;
  outcome: Outcome;
  durationMs: number;
  /** navigator.credentials' method for this ceremony was replaced (an extension such as a password manager): */
  wrapped: boolean | null;
  capabilities: Record<CapabilityField, boolean | null>;
};

export function outcomeOf(error: unknown): Outcome {
  if (error === null || error === undefined) return "ok";
  const name = error instanceof Error ? error.name : undefined;
  return outcomes.find((outcome) => outcome !== "ok" && outcome !== "other" && outcome === name) ?? "other";
}
