// The session cookie the portal sets after a passkey sign-in, made by the same lib/ code for the baseline and the
// in-process runs (http://localhost: the plain cookie name).
import { encodeSession } from "@/lib/auth/session-token";
import { PLAIN_SESSION_COOKIE, SESSION_MAX_AGE_S } from "@/lib/auth/session-cookie";

export const SESSION_COOKIE = PLAIN_SESSION_COOKIE;
export { SESSION_MAX_AGE_S };

export function issueSessionToken(userId: string): Promise<string> {
  return encodeSession(SESSION_COOKIE, userId);
}
