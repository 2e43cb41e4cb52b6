/**
 * The session cookie's names: `__Host-` over https (Secure, Path=/, no Domain: a sibling or parent domain can neither
 * set nor overwrite it — security bar D35), plain on http://localhost where browsers refuse prefixed cookies.
 * Auth.js's own naming otherwise, so its JWT format and salts stay as they were.
 */
export const SECURE_SESSION_COOKIE = "__Host-authjs.session-token";
export const PLAIN_SESSION_COOKIE = "authjs.session-token";
export const SESSION_COOKIE_NAMES = [SECURE_SESSION_COOKIE, PLAIN_SESSION_COOKIE] as const;
export type SessionCookieName = (typeof SESSION_COOKIE_NAMES)[number];

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

export function sessionCookieName(overHttps: boolean): SessionCookieName {
  return overHttps ? SECURE_SESSION_COOKIE : PLAIN_SESSION_COOKIE;
}
