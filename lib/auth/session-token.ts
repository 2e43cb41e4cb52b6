// Session tokens are Auth.js JWTs (next-auth/jwt: a JWE whose key is derived from AUTH_SECRET with the cookie name as
// salt). Minted here, right after the ceremony that proves who the person is — decision 001.
import { decode, encode } from "next-auth/jwt";
import { newToken } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";
import { SESSION_MAX_AGE_S, type SessionCookieName } from "./session-cookie";

export type SessionClaims = { userId: string; sessionId: string; issuedAt: number };

/** A fresh session id: every sign-in and every step-up gets one (security bar D36). */
export function newSessionId(): string {
  return newToken(16);
}

export function encodeSession(
  cookieName: SessionCookieName,
  userId: string,
  sessionId = newSessionId(),
): Promise<string> {
  return encode({
    token: { sub: userId, sid: sessionId, issuedAt: Date.now() },
    secret: env.AUTH_SECRET,
    salt: cookieName,
    maxAge: SESSION_MAX_AGE_S,
  });
}

/** The claims of a well-formed, unexpired token; null for anything else. */
export async function decodeSession(cookieName: SessionCookieName, token: string): Promise<SessionClaims | null> {
  const claims = await decode({ token, secret: env.AUTH_SECRET, salt: cookieName }).catch(() => null);
  const { sub, sid, issuedAt } = (claims ?? {}) as { sub?: unknown; sid?: unknown; issuedAt?: unknown };
  if (typeof sub !== "string" || typeof sid !== "string" || typeof issuedAt !== "number") return null;
  return { userId: sub, sessionId: sid, issuedAt };
}
