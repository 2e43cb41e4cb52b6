// The browser half of a note ceremony: one navigator.credentials.get() that gives both the assertion the server checks
// and the PRF output the key comes from (WebAuthn L3 §10.1.4). The PRF output stays in this page: the response sent to
// the server has its extension results removed.
import { base64URLStringToBuffer, startAuthentication } from "@simplewebauthn/browser";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { describeBrowserError, type BrowserFailure } from "@/lib/browser/webauthn-browser";

type PrfAssertion =
  | { ok: true; response: AuthenticationResponseJSON; prfOutput: ArrayBuffer }
  | ({ ok: false } & Partial<BrowserFailure> & { message: string });

/** `noPrf`: the page's words for a passkey that gave no PRF secret. */
export async function getAssertionWithPrf(
  options: PublicKeyCredentialRequestOptionsJSON,
  salt: Uint8Array<ArrayBuffer>,
  noPrf: string,
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
  if (!(results?.first instanceof ArrayBuffer)) return { ok: false, message: noPrf };
  return { ok: true, response: withoutSecret, prfOutput: results.first };
}

export function fromBase64url(value: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(base64URLStringToBuffer(value));
}
