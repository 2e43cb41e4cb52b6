// The conformance relying party: the portal's RP ID and origins (so a client on the portal's own origin passes), its
// own users and trust roots, and every algorithm the FIDO conformance tests exercise.
import { env } from "@/lib/env";
import { CEREMONY_TIMEOUT_MS, relyingParty } from "@/lib/webauthn/relying-party";
import type { RelyingPartyTerms } from "@/lib/webauthn/verification-terms";
import { loadTrustStore } from "./load-trust-store";
import { verifyAttestationTrust } from "./verify-attestation-trust";

export const fidoRelyingParty = {
  id: relyingParty.id,
  name: relyingParty.name,
  origins: [...relyingParty.origins],
  timeoutMs: CEREMONY_TIMEOUT_MS,
} as const;

/**
 * COSE algorithms offered and accepted, most preferred first. Wider than the portal's list on purpose: the FIDO
 * conformance tests require RS1 and ES256 and RS256, and exercise PS256/384/512, RS384/512, ES384, ES512 and EdDSA
 * (Server-ServerAuthenticatorAttestationResponse-Resp-4). Only this relying party, with its throwaway users, takes RS1.
 */
export const FIDO_ALGORITHMS = [-7, -8, -35, -36, -257, -258, -259, -37, -38, -39, -65535] as const;

/** Bodies over 1 MB are refused before parsing (security bar B23). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Challenges are 32 random bytes (the tool wants 16 to 64). */
export const CHALLENGE_BYTES = 32;

/** user.id is 64 random bytes, no personal data (WebAuthn L3 §14.6.1; the tool wants at most 64). */
export const USER_HANDLE_BYTES = 64;

export function fidoConformanceEnabled(): boolean {
  return env.FIDO_CONFORMANCE_API === "on";
}

/**
 * This relying party's terms for the verification core: the portal's RP ID and origins, every algorithm above, and its
 * trust store, read when a registration needs it (the suite rewrites the metadata folder between runs).
 */
export const fidoTerms: RelyingPartyTerms = {
  id: fidoRelyingParty.id,
  origins: fidoRelyingParty.origins,
  algorithms: FIDO_ALGORITHMS,
  trust: (attestation) => verifyAttestationTrust(attestation, loadTrustStore()),
};
