// Passkey ceremonies against the running portal, through its server actions over HTTP, as the browser calls them,
// with the one test client's flows (test/portal-client.ts): sign-in on /sign-in; step-up + registration on /account.
import { PLAIN_SESSION_COOKIE } from "@/lib/auth/session-cookie";
import type { SoftwareAuthenticator } from "@/lib/authenticator/software-authenticator";
import {
  addPasskey,
  finishPasskeySignIn,
  FlowError,
  passkeySignInOptions,
  stepUpWithPasskey,
} from "@/test/portal-client";
import type { CookieJar, ServerActionClient } from "@/test/server-action-client";
import { nextAddress } from "./simulated-people";

/** A desktop Chrome, so the activity log's "browser on OS" is parsed from a real-looking User-Agent. */
export const BENCH_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

/** The plain Auth.js session cookie (http://localhost; `__Secure-` only over https). */
export const SESSION_COOKIE = PLAIN_SESSION_COOKIE;

export type SignInOptions = {
  /** Filled with the duration of each of the two server actions. */
  timings?: { optionsMs: number; finishMs: number };
};

/**
 * One usernameless passkey sign-in (the passkey button and autofill path): options, sign, verify, session. Succeeds
 * only when the answer is ok and sets the session cookie; returns the jar holding the session. The /account page the
 * browser loads next is not part of it (the baseline does not render one either).
 */
export async function signInThroughPortal(
  actions: ServerActionClient,
  authenticator: SoftwareAuthenticator,
  options: SignInOptions = {},
): Promise<CookieJar> {
  // A different simulated person for every sign-in (bench/simulated-people.ts).
  const person = actions.withHeaders({ "User-Agent": BENCH_USER_AGENT, "X-Forwarded-For": nextAddress() });
  const began = performance.now();
  const { ceremonyId, options: requestOptions } = await passkeySignInOptions(person);
  const signed = performance.now();
  const response = authenticator.authenticate(requestOptions, actions.baseUrl);
  const verifying = performance.now();
  const finish = await finishPasskeySignIn(person, ceremonyId, response);
  if (options.timings)
    Object.assign(options.timings, { optionsMs: signed - began, finishMs: performance.now() - verifying });
  if (finish.status !== 200 || !finish.result?.ok || !finish.signedIn) throw new FlowError("verify", finish);
  return finish.jar;
}

/**
 * Adds one passkey to a signed-in account the way the account page does: the passkey step-up that every addition
 * needs (options, sign, verify), then registration (options, create, verify) — four server actions on /account.
 */
export async function registerThroughPortal(
  actions: ServerActionClient,
  authenticator: SoftwareAuthenticator,
  jar: CookieJar,
): Promise<void> {
  const session = { client: actions.withHeaders({ "User-Agent": BENCH_USER_AGENT }), jar };
  await stepUpWithPasskey(session, authenticator, "add-passkey");
  await addPasskey(session, authenticator);
}
