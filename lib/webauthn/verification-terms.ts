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

export type CeremonyPolicy = { userVerification: "required" | "preferred" | "discouraged" };

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
