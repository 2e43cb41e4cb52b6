import "server-only";
import { notFound } from "next/navigation";
import { currentSession, type CurrentSession } from "@/lib/auth/session";

/** Support pages exist only for support staff: anyone else, signed in or not, gets a plain 404. */
export async function requireSupport(): Promise<CurrentSession> {
  const session = await currentSession();
  if (session?.user.role !== "support") notFound();
  return session;
}
