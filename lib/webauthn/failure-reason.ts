// Why a passkey assertion was refused, as one of a fixed list (security bar 61): what is stored and shown to support
// staff instead of the verifier's words, which repeat what the caller sent (an origin, a type) and the challenge.
import type { Failure } from "@/lib/result";

export const passkeyFailureReasons = {
  "passkey:signature": "signature did not verify",
  "passkey:counter": "signature counter did not increase (cloned authenticator or replay)",
  "passkey:origin": "signed for another origin",
  "passkey:challenge": "signed another challenge",
  "passkey:rp-id": "signed for another site (RP ID hash)",
  "passkey:type": "wrong clientData type",
  "passkey:cross-origin": "made inside a cross-origin frame",
  "passkey:user-presence": "no user presence",
  "passkey:uv-missing": "passkey did not verify the person (no PIN, fingerprint or face)",
  "passkey:backup-state-changed": "backup eligibility changed",
  "passkey:not-offered": "a passkey the sign-in did not offer",
  "passkey:other-account": "a passkey of another account",
  "passkey:unknown": "a passkey not registered here",
  "passkey:user-handle": "user handle of another account",
  "passkey:malformed": "unreadable answer from the browser",
  "passkey:credential-id": "credential id differs from authenticator data or is too long",
  "passkey:attestation": "attestation statement refused",
  "passkey:untrusted": "attestation not trusted",
  "passkey:expired": "the request had expired or was already used",
  "passkey:other": "refused for another reason",
} as const;
export type PasskeyFailureReason = keyof typeof passkeyFailureReasons;

// The verifier's words (SimpleWebAuthn's and lib/webauthn's own) → the reason; first match wins.
const byDetail: [RegExp, PasskeyFailureReason][] = [
  [/signature did not verify|ECDSA signature/, "passkey:signature"],
  [/counter/i, "passkey:counter"],
  [/top origin|crossOrigin|topOrigin/, "passkey:cross-origin"],
  [/response origin/, "passkey:origin"],
  [/response challenge/, "passkey:challenge"],
  [/RP ID/, "passkey:rp-id"],
  [/response type/, "passkey:type"],
  [/User not present/, "passkey:user-presence"],
  [/not one the options offered/, "passkey:not-offered"],
  [/belongs to another account/, "passkey:other-account"],
  [/not registered here|has no account|names no account/, "passkey:unknown"],
  [/userHandle does not match/, "passkey:user-handle"],
  [/UTF-8|base64url|was not a|Missing|missing/, "passkey:malformed"],
  [/UV flag is 0/, "passkey:uv-missing"],
  [/backup eligibility/, "passkey:backup-state-changed"],
  [/credential id (differs|is \d+ bytes)/, "passkey:credential-id"],
  [/attestation root|trusted attestation roots|x5c\[|metadata for this authenticator reports/, "passkey:untrusted"],
  [/attestation|after its CBOR map|alg/i, "passkey:attestation"],
];

/** The reason a refused assertion is stored under; never the failure's own text. */
export function passkeyFailureReason(failure: Pick<Failure, "code" | "detail">): PasskeyFailureReason {
  if (failure.code === "challenge:invalid") return "passkey:expired";
  if (failure.code === "input:invalid" || failure.code === "fido:bad-request") return "passkey:malformed";
  if (failure.code === "passkey:uv-missing") return "passkey:uv-missing";
  if (failure.code === "passkey:backup-state-changed") return "passkey:backup-state-changed";
  const detail = failure.detail ?? "";
  return byDetail.find(([pattern]) => pattern.test(detail))?.[1] ?? "passkey:other";
}
