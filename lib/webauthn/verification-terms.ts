// What the one verification core (verify-registration.ts, verify-assertion.ts) is given and answers. Each relying
// party gives its terms (RP ID, origins, algorithms, attestation trust) and a policy per ceremony; every caller — the
// portal, the FIDO API, the wizard's live test, withdrawals — gets the same verdict and reason for the same response.
import { passkeyFailureReason, type PasskeyFailureReason } from "./failure-reason";

export type AttestationFacts = { fmt: string; aaguid: string; x5c: Uint8Array[] };

export type RelyingPartyTerms = {
  id: string;
  origins: readonly string[];
  /** COSE algorithms accepted at registration. */
  algorithms: readonly number[];
  /** Why an attestation is not trusted, or null; without it any attestation that verifies is accepted (the portal's "none"). */
  trust?: (attestation: AttestationFacts) => string | null;
};

export type CeremonyPolicy = {
  userVerification: "required" | "preferred" | "discouraged";
  /**
   * Registration only. "conditional-create": the password manager made the passkey without a prompt (mediation
   * "conditional"), so UP=0 is allowed (WebAuthn L3 §7.1 step 15); only the ceremony the server started as such may
   * say so. Every other registration, and every assertion, requires UP=1.
   */
  mediation?: "conditional-create";
};

/** `reason` is one of a fixed list (failure-reason.ts), safe to store and show; `detail` is the verifier's own words. */
export type VerificationFailure = { reason: PasskeyFailureReason; detail: string };

export type Verification<T> = { verified: true; info: T } | { verified: false; failure: VerificationFailure };

export function refusal(
  detail: string,
  reason?: PasskeyFailureReason,
): { verified: false; failure: VerificationFailure } {
  return {
    verified: false,
    failure: { reason: reason ?? passkeyFailureReason({ code: "passkey:not-verified", detail }), detail },
  };
}
