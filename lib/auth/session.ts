// The one check every page, server action and route handler makes: a live Auth.js session whose user still exists
// and whose sessions have not been ended since it was issued (sign-out, password change, passkey removal).
import "server-only";
import { redirect } from "next/navigation";
import type { User } from "@/lib/db/schema";
import { auth, signIn } from "./auth";
import { getUser } from "./users";

export type CurrentSession = { user: User; sessionId: string };

export async function currentSession(): Promise<CurrentSession | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!session || !userId || !session.sessionId || !Number.isFinite(session.issuedAt)) return null;
  const user = await getUser(userId);
  if (!user || session.issuedAt < user.sessionsValidAfter.getTime()) return null;
  return { user, sessionId: session.sessionId };
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
