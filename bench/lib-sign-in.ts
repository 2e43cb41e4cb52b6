// The two steps of a passkey sign-in on lib/, doing what the portal's server actions do around lib/
// (app/(auth)/sign-in/actions.ts: per-client rate limit, options; verify, then Auth.js trades the ticket for a session):
// for the baseline server and the in-process runs. Needs DATABASE_URL and AUTH_SECRET before it is imported.
import { allow, limits, rateLimited } from "@/lib/auth/rate-limit";
import { redeemTicket } from "@/lib/auth/tickets";
import { fail, ok, type Result } from "@/lib/result";
import { finishPasskeySignIn, startPasskeySignIn } from "@/lib/webauthn/authentication";
import { issueSessionToken } from "./session-token";

/** `source`: the client's address (first X-Forwarded-For entry), as lib/request-client.ts requestSource() reads it. */
export async function signInOptionsStep(source: string, email?: string) {
  if (!(await allow(limits.signInOptionsPerClient, source))) return rateLimited();
  return ok(await startPasskeySignIn(email));
}

/** Verification, then the ticket redeemed and a session token issued (the Credentials provider and Auth.js's jwt). */
export async function signInVerifyStep(ceremonyId: string, response: unknown, client: string): Promise<Result<{ token: string }>> {
  const result = await finishPasskeySignIn(ceremonyId, response, client);
  if (!result.ok) return result;
  const userId = await redeemTicket(result.data.ticket);
  if (!userId) return fail("auth:invalid-credentials", "The sign-in ticket could not be redeemed.");
  return ok({ token: await issueSessionToken(userId) });
}
