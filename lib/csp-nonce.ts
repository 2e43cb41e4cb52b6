// The nonce of this response's Content-Security-Policy, for a script a page writes itself (proxy.ts puts the policy on
// the request, where Next.js finds it for its own scripts: lib/page-security-headers.ts).

/** The `'nonce-…'` source of the request's policy; undefined where the proxy set none. */
export function cspNonce(requestHeaders: Headers): string | undefined {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(requestHeaders.get("content-security-policy") ?? "")?.[1];
}
