// The one check every page, server action and route handler makes: a live session whose user still exists and whose
// sessions have not been ended since it was issued (sign-out, password change, passkey removal). Decision 001.
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { User } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { claimThisBrowsersEvents } from "@/lib/browser-events/browser-id";
import { trustThisBrowser } from "./device-cookie";
import { SESSION_COOKIE_NAMES, SESSION_MAX_AGE_S, sessionCookieName, type SessionCookieName } from "./session-cookie";
import { decodeSession, encodeSession } from "./session-token";
import { getUser } from "./users";

export type CurrentSession = { user: User; sessionId: string };

const overHttps = env.RP_ORIGINS[0]?.startsWith("https:") ?? false;

/**
 * Reads the token from the cookie jar rather than the request headers, so an action that has just replaced the
 * session (after a step-up, a password change or a passkey removal) renders with the new one, not the old.
 */
export async function currentSession(): Promise<CurrentSession | null> {
  const jar = await cookies();
  const name = SESSION_COOKIE_NAMES.find((candidate) => jar.has(candidate));
  return name ? sessionOfToken(name, jar.get(name)?.value ?? "") : null;
}

/**
 * The live session a token names: its claims decode and its user exists and has not ended its sessions since. Looked
 * up once per page render for each token (React's `cache`): the header and the page both ask, and each asking cost a
 * token decryption and a read of the user (a passkey sign-in re-renders /sign-in). The cache lasts one server render
 * and holds nothing outside one — a server action's own calls and any later request decode and read again — and it is
 * keyed by the token itself, so a session an action has just replaced or removed is never answered from it.
 */
export const sessionOfToken = cache(async (name: SessionCookieName, token: string): Promise<CurrentSession | null> => {
  const claims = await decodeSession(name, token);
  if (!claims) return null;
  const user = await getUser(claims.userId);
  if (!user || claims.issuedAt < user.sessionsValidAfter.getTime()) return null;
  return { user, sessionId: claims.sessionId };
});

/**
 * Sets a new session cookie for a person a ceremony has just proven (password + second factor, a passkey, a step-up).
 * Call it only after that ceremony's own transaction committed: the single-use guarantee lives there. The browser
 * becomes a trusted device of the account (decision 011), and its signed-out passkey requests of the last day join
 * the account's activity (decision 025).
 */
export async function startSession(userId: string, sessionId?: string): Promise<void> {
  await trustThisBrowser(userId);
  await claimThisBrowsersEvents(userId);
  const name = sessionCookieName(overHttps);
  const token = await encodeSession(name, userId, sessionId);
  (await cookies()).set(name, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: overHttps,
    maxAge: SESSION_MAX_AGE_S,
  });
}

/** Forgets the session in this browser (the server side ends it with the per-user valid-after). */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  // A `__Host-` cookie is only replaced by one with the same attributes (Secure, Path=/), its removal included.
  for (const name of SESSION_COOKIE_NAMES) {
    if (jar.has(name))
      jar.delete({ name, path: "/", secure: name === sessionCookieName(true), httpOnly: true, sameSite: "lax" });
  }
}

/** For pages: the session, or a redirect to sign-in. The page's own check, whatever proxy.ts did (security bar D33). */
export async function requirePageSession(): Promise<CurrentSession> {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  return session;
}
