// The one check every page, server action and route handler makes: a live Auth.js session whose user still exists
// and whose sessions have not been ended since it was issued (sign-out, password change, passkey removal).
import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { User } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { signIn } from "./auth";
import { SESSION_COOKIE_NAMES } from "./session-cookie";
import { getUser } from "./users";

export type CurrentSession = { user: User; sessionId: string };

/**
 * Reads the Auth.js session JWT from the cookie jar rather than the request headers, so an action that has just
 * replaced the session (after a password change or passkey removal) renders with the new one, not the old.
 */
async function readSessionToken() {
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) {
    const token = jar.get(name)?.value;
    if (token) return decode({ token, secret: env.AUTH_SECRET, salt: name }).catch(() => null);
  }
  return null;
}

export async function currentSession(): Promise<CurrentSession | null> {
  const token = await readSessionToken();
  const userId = token?.sub;
  const { sid, issuedAt } = (token ?? {}) as { sid?: unknown; issuedAt?: unknown };
  if (!userId || typeof sid !== "string" || typeof issuedAt !== "number") return null;
  const user = await getUser(userId);
  if (!user || issuedAt < user.sessionsValidAfter.getTime()) return null;
  return { user, sessionId: sid };
}

/** Trades a ticket from a verified ceremony for a session cookie. */
export async function startSession(ticket: string): Promise<void> {
  await signIn("ticket", { ticket, redirect: false });
}

/** For pages: the session, or a redirect to sign-in. The page's own check, whatever proxy.ts did (security bar D33). */
export async function requirePageSession(): Promise<CurrentSession> {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  return session;
}
