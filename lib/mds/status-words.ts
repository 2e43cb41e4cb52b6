// FIDO Metadata Service 3.0 §3.1.4 AuthenticatorStatus, in words a person reads beside a passkey.
import type { AUTHENTICATOR_STATUSES } from "./blob-schema";

type Status = (typeof AUTHENTICATOR_STATUSES)[number];

/** Statuses after which an authenticator model is not trusted for attestation (the FIDO API and the inspector). */
export const COMPROMISED_STATUSES: ReadonlySet<string> = new Set<Status>([
  "REVOKED",
  "USER_VERIFICATION_BYPASS",
  "ATTESTATION_KEY_COMPROMISE",
  "USER_KEY_REMOTE_COMPROMISE",
  "USER_KEY_PHYSICAL_COMPROMISE",
]);

/** Statuses that say what certification a model holds; the latest of them is its certification. */
export const CERTIFICATION_WORDS: Partial<Record<Status, string>> = {
  NOT_FIDO_CERTIFIED: "Not FIDO Certified",
  SELF_ASSERTION_SUBMITTED: "Self-assessed (not FIDO Certified)",
  FIDO_CERTIFIED: "FIDO Certified",
  FIDO_CERTIFIED_L1: "FIDO Certified Level 1",
  FIDO_CERTIFIED_L1plus: "FIDO Certified Level 1+",
  FIDO_CERTIFIED_L2: "FIDO Certified Level 2",
  FIDO_CERTIFIED_L2plus: "FIDO Certified Level 2+",
  FIDO_CERTIFIED_L3: "FIDO Certified Level 3",
  FIDO_CERTIFIED_L3plus: "FIDO Certified Level 3+",
};

/** The statuses that matter to someone using the authenticator. */
export const WARNING_WORDS: Partial<Record<Status, string>> = {
  REVOKED: "Revoked by the FIDO Alliance: this model is no longer trusted",
  USER_VERIFICATION_BYPASS: "Its PIN or biometric check can be bypassed",
  ATTESTATION_KEY_COMPROMISE: "Its attestation key was leaked: its attestation proves nothing",
  USER_KEY_REMOTE_COMPROMISE: "Its passkeys' keys can be stolen remotely",
  USER_KEY_PHYSICAL_COMPROMISE: "Its passkeys' keys can be extracted by someone holding it",
  UPDATE_AVAILABLE: "A firmware update is available",
};
