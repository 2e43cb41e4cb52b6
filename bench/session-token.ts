// The session token the portal's Auth.js sets after a passkey sign-in, made the same way for the baseline and the
// in-process runs: next-auth/jwt `encode` (JWE, key derived from AUTH_SECRET with the cookie name as salt), the claims
// of lib/auth/auth.ts's jwt callback, the same lifetime.
import { encode } from "next-auth/jwt";
import { newToken } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";
import { SESSION_COOKIE } from "./portal-ceremonies";

export { SESSION_COOKIE };
/** lib/auth/auth.ts SESSION_MAX_AGE_S (not imported: that module starts Auth.js, which needs Next's request scope). */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

export function issueSessionToken(userId: string): Promise<string> {
  return encode({
    token: { sub: userId, sid: newToken(16), issuedAt: Date.now() },
    secret: env.AUTH_SECRET,
    salt: SESSION_COOKIE,
    maxAge: SESSION_MAX_AGE_S,
  });
}
