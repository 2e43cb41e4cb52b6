// The two steps of a passkey sign-in on lib/, doing what the portal's server actions do around lib/
// (app/(auth)/sign-in/actions.ts: per-client rate limit, options; verify, then a session token for the proven user):
// for the baseline server and the in-process runs. Needs DATABASE_URL and AUTH_SECRET before it is imported.
import { ok, type Result } from "@/lib/result";
import { finishPasskeySignIn, startPasskeySignIn } from "@/lib/webauthn/authentication";
import { issueSessionToken } from "./session-token";

/** `source`: the client's address, as lib/request-client.ts requestSource() finds it. */
export async function signInOptionsStep(source: string, email?: string) {
  return startPasskeySignIn({ email, source });
}

/** Verification, then a session token issued (lib/auth/session.ts startSession). */
export async function signInVerifyStep(
  ceremonyId: string,
  response: unknown,
  client: string,
): Promise<Result<{ token: string }>> {
  const result = await finishPasskeySignIn(ceremonyId, response, client);
  if (!result.ok) return result;
  return ok({ token: await issueSessionToken(result.data.userId) });
}
