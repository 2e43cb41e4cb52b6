import "server-only";
import { notFound } from "next/navigation";
import { withSession } from "@/lib/auth/action-guard";
import { currentSession, type CurrentSession } from "@/lib/auth/session";
import { fail, type Result } from "@/lib/result";
import { consoleAccess, type ConsoleAccess } from "./console-access";

/**
 * The console page exists only for support staff: anyone else, signed in or not, gets a plain 404. Staff get the page
 * with what they still have to do (two-factor, a passkey, a passkey step-up) until the console is open.
 */
export async function requireSupportStaff(): Promise<{
  session: CurrentSession;
  access: Exclude<ConsoleAccess, { state: "not-staff" }>;
}> {
  const session = await currentSession();
  if (!session) notFound();
  const access = await consoleAccess(session);
  if (access.state === "not-staff") notFound();
  return { session, access };
}

const CONSOLE_CLOSED = "support.console-closed";

/** Runs a console action for staff whose console is open; everyone else gets the same `support:required`. */
export async function withSupportConsole<T>(
  work: (session: CurrentSession, client: string) => Promise<Result<T>>,
): Promise<Result<T>> {
  return withSession(async (session, client) => {
    if ((await consoleAccess(session)).state !== "open") return fail("support:required", CONSOLE_CLOSED);
    return work(session, client);
  });
}
