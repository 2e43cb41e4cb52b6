import { env } from "@/lib/env";
import type { RelyingPartyTerms } from "./verification-terms";

/** Who we are to authenticators: one RP ID, and the exact origins a response may come from (security bar A4). */
export const relyingParty = {
  id: env.RP_ID,
  name: env.RP_NAME,
  origins: env.RP_ORIGINS,
} as const;

/** COSE algorithms offered at registration, most preferred first: EdDSA, ES256, RS256 (security bar A13). */
export const SUPPORTED_ALGORITHMS = [-8, -7, -257];

/** WebAuthn L3 §5.1: credential ids are at most 1023 bytes (security bar A14). */
export const MAX_CREDENTIAL_ID_BYTES = 1023;

/** The ceremony timeout we ask browsers for, and how long its challenge stays usable (security bar A3). */
export const CEREMONY_TIMEOUT_MS = 5 * 60_000;

/** The portal's terms for the verification core: its RP ID, origins and algorithms; "none" attestation, so no trust. */
export const portalTerms: RelyingPartyTerms = {
  id: relyingParty.id,
  origins: relyingParty.origins,
  algorithms: SUPPORTED_ALGORITHMS,
};
