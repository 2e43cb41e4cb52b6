// Where a person goes after signing in: the signed-in page they asked for, never anywhere else (an open redirect would
// let a link to our sign-in page forward a freshly signed-in person to a look-alike site).

/** The pages only a signed-in person sees; proxy.ts sends visitors without a session from them to sign-in. */
export const SIGNED_IN_AREAS = ["/account", "/wallet"];
export const DEFAULT_RETURN_PATH = "/account";

const MAX_LENGTH = 512;
// Only used to resolve the path; anything that lands on another origin was never a plain path.
const BASE = "http://portal.invalid";

export function isInSignedInArea(pathname: string): boolean {
  return SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

/** `next` when it is a path on this portal's signed-in area ("/wallet", "/account/activity?x=1"), else /account. */
export function safeReturnPath(next: unknown): string {
  // "//host" and "/\host" are network paths to another host, whatever follows.
  if (typeof next !== "string" || next.length > MAX_LENGTH || !/^\/(?![/\\])/.test(next)) return DEFAULT_RETURN_PATH;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  // The parser drops tabs and newlines and resolves dot segments, so judge what it made of the path, not the text.
  if (url.origin !== BASE || !isInSignedInArea(url.pathname)) return DEFAULT_RETURN_PATH;
  return `${url.pathname}${url.search}`;
}
