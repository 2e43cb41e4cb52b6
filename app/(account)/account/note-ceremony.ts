// The browser half of a note ceremony: one navigator.credentials.get() that gives both the assertion the server checks
// and the PRF output the key comes from (WebAuthn L3 §10.1.4). The PRF output stays in this page: the response sent to
// the server has its extension results removed.
import { base64URLStringToBuffer, startAuthentication } from "@simplewebauthn/browser";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { describeBrowserError, type BrowserFailure } from "@/lib/browser/webauthn-browser";

export const NO_PRF_MESSAGE =
  "This passkey can't lock a note: it gave this page no PRF secret (the WebAuthn extension that derives a key from a " +
  "passkey). Passkeys added before notes existed, and some password managers and security keys, don't support it. " +
  "Try another passkey, or add a new one.";

type PrfAssertion =
  | { ok: true; response: AuthenticationResponseJSON; prfOutput: ArrayBuffer }
  | ({ ok: false } & Partial<BrowserFailure> & { message: string });

export async function getAssertionWithPrf(
  options: PublicKeyCredentialRequestOptionsJSON,
  salt: Uint8Array<ArrayBuffer>,
): Promise<PrfAssertion> {
  const timing = { startedAt: Date.now(), timeoutMs: options.timeout };
  let response: AuthenticationResponseJSON;
  try {
    // SimpleWebAuthn passes extensions through as they are; PRF inputs are bytes in the browser API.
    const prf = { eval: { first: salt } };
    response = await startAuthentication({ optionsJSON: { ...options, extensions: { ...options.extensions, prf } } });
  } catch (error) {
    return { ok: false, ...(await describeBrowserError(error, "get", timing)) };
  }
  const results = (response.clientExtensionResults as { prf?: { results?: { first?: unknown } } }).prf?.results;
  const withoutSecret = { ...response, clientExtensionResults: {} };
  if (!(results?.first instanceof ArrayBuffer)) return { ok: false, message: NO_PRF_MESSAGE };
  return { ok: true, response: withoutSecret, prfOutput: results.first };
}

export function fromBase64url(value: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(base64URLStringToBuffer(value));
}
