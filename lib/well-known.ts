// The two well-known files a passkey site serves. Pure: the route handlers in app/.well-known give them the
// configuration. Both are public by design, so they are cacheable and readable from any origin.

/**
 * W3C Passkey Endpoints (/.well-known/passkey-endpoints): where a password manager can send a person to add a passkey
 * here (`enroll`) or to manage the ones they have (`manage`). Both are the account page, where passkeys are listed and
 * added after the step-up the policy asks for.
 */
export function passkeyEndpoints(origin: string): { enroll: string; manage: string } {
  return { enroll: `${origin}/account#passkeys`, manage: `${origin}/account#passkeys` };
}

/**
 * Related origin requests (WebAuthn L3 §5.11, /.well-known/webauthn): the other origins whose pages may use this RP ID.
 * Null when none are configured: the file then does not exist (404), which browsers read as "no related origins".
 */
export function relatedOrigins(origins: readonly string[]): { origins: string[] } | null {
  return origins.length > 0 ? { origins: [...origins] } : null;
}

export const WELL_KNOWN_HEADERS = {
  "Content-Type": "application/json",
  "Cache-Control": "public, max-age=3600",
  "Access-Control-Allow-Origin": "*",
};
