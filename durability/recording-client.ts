// What a person's browser does against the running portal, over HTTP through its server actions
// (test/server-action-client.ts), with the software authenticator's real signatures: a username-first passkey
// sign-in on /sign-in, a withdrawal on /wallet confirmed with a user-verified assertion, and a new passkey added on
// /account after a passkey step-up.
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { SoftwareAuthenticator } from "@/lib/authenticator/software-authenticator";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";
import { CookieJar, ServerActionClient, type ActionResponse } from "@/test/server-action-client";
import { DIST_DIR } from "./servers";

export const SIGN_IN_ACTIONS = "app/(auth)/sign-in/actions.ts";
export const WALLET_ACTIONS = "app/(account)/wallet/actions.ts";
export const ACCOUNT_ACTIONS = "app/(account)/account/actions.ts";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string; detail?: string };
type Ceremony<O = PublicKeyCredentialRequestOptionsJSON> = { ceremonyId: string; options: O };

/** Someone with a passkey in a software authenticator; `userId` lets checks read the database. */
export type PortalAccount = { userId: string; email: string; authenticator: SoftwareAuthenticator };

/** True when the answer hands out an Auth.js session cookie (not one that clears it). */
export function setsSession(response: ActionResponse<unknown>): boolean {
  return response.setCookies.some((cookie) =>
    SESSION_COOKIE_NAMES.some((name) => cookie.startsWith(`${name}=`) && !cookie.startsWith(`${name}=;`)),
  );
}

/** What a failed step answered, for assertion messages: status, code and detail, or the start of the body. */
export function describeAnswer(response: ActionResponse<unknown>): string {
  const result = response.result as { code?: string; detail?: string; message?: string } | undefined;
  const reason = result?.code
    ? `${result.code}: ${result.detail ?? result.message ?? ""}`
    : response.body.slice(0, 200);
  return `HTTP ${response.status} ${reason}`;
}

/** What a database that made someone wait too long says; it must never reach a person (security bar G54). */
export const BUSY_TEXT = /SQLITE_BUSY|database is locked/i;

/**
 * A ServerActionClient (on the build in NEXT_DIST_DIR) that notes every answer that must never reach a person: a 5xx,
 * or a body that mentions a busy database.
 */
export class RecordingClient extends ServerActionClient {
  answers = 0;
  readonly problems: string[] = [];

  /** `address`: the X-Forwarded-For a proxy would set, so that many simulated people are many clients for rate limits. */
  constructor(baseUrl: string, address?: string) {
    super(baseUrl, DIST_DIR, address ? { "X-Forwarded-For": address } : {});
  }

  override async call<T>(
    path: string,
    file: string,
    exportName: string,
    args: unknown[],
    options?: Parameters<ServerActionClient["call"]>[4],
  ): Promise<ActionResponse<T>> {
    const response = await super.call<T>(path, file, exportName, args, options);
    this.answers++;
    if (response.status >= 500 || BUSY_TEXT.test(response.body))
      this.problems.push(`${exportName} on ${this.baseUrl}: ${describeAnswer(response)}`);
    return response;
  }
}

export function startSignIn(client: ServerActionClient, email: string) {
  return client.call<ActionResult<Ceremony>>("/sign-in", SIGN_IN_ACTIONS, "startPasskeySignInAction", [email]);
}

export function finishSignIn(client: ServerActionClient, ceremonyId: string, response: unknown, jar = new CookieJar()) {
  return client.call<ActionResult<undefined>>(
    "/sign-in",
    SIGN_IN_ACTIONS,
    "finishPasskeySignInAction",
    [ceremonyId, response],
    { jar },
  );
}

export class FlowError extends Error {
  constructor(
    readonly step: string,
    readonly response: ActionResponse<unknown>,
  ) {
    super(`${step}: ${describeAnswer(response)}`);
  }
}

/**
 * A whole sign-in: options from `client`, the assertion signed for `origin` (the page the browser is on), verified by
 * `verifier` (another instance, or the same). Returns the jar holding the session; throws FlowError otherwise.
 */
export async function signIn(
  client: ServerActionClient,
  account: PortalAccount,
  { verifier = client, origin = client.baseUrl }: { verifier?: ServerActionClient; origin?: string } = {},
): Promise<CookieJar> {
  const start = await startSignIn(client, account.email);
  if (!start.result?.ok) throw new FlowError("sign-in options", start);
  const jar = new CookieJar();
  const assertion = account.authenticator.authenticate(start.result.data.options, origin);
  const finish = await finishSignIn(verifier, start.result.data.ceremonyId, assertion, jar);
  if (!setsSession(finish)) throw new FlowError("sign-in verification", finish);
  return jar;
}

export type WithdrawalRequest = { amount: string; destination: string };

/** A withdrawal confirmed with a passkey, in the signed-in session of `jar`; returns its id and the new balance. */
export async function withdraw(
  client: ServerActionClient,
  jar: CookieJar,
  account: PortalAccount,
  request: WithdrawalRequest,
) {
  const start = await client.call<ActionResult<Ceremony>>(
    "/wallet",
    WALLET_ACTIONS,
    "startWithdrawalAction",
    [request],
    { jar },
  );
  if (!start.result?.ok) throw new FlowError("withdrawal options", start);
  const assertion = account.authenticator.authenticate(start.result.data.options, client.baseUrl);
  const finish = await client.call<ActionResult<{ withdrawalId: string; balance: number }>>(
    "/wallet",
    WALLET_ACTIONS,
    "finishWithdrawalAction",
    [start.result.data.ceremonyId, request, assertion],
    { jar },
  );
  if (!finish.result?.ok) throw new FlowError("withdrawal confirmation", finish);
  return finish.result.data;
}

/**
 * Adds a passkey to the signed-in account of `jar`, as the account page does: a step-up with the account's passkey
 * (which starts a new session, kept in `jar`), then registration on a new software authenticator. Returns the new
 * passkey's id.
 */
export async function addPasskey(client: ServerActionClient, jar: CookieJar, account: PortalAccount): Promise<string> {
  const stepUp = await client.call<ActionResult<Ceremony>>(
    "/account",
    ACCOUNT_ACTIONS,
    "startPasskeyStepUpAction",
    [],
    { jar },
  );
  if (!stepUp.result?.ok) throw new FlowError("step-up options", stepUp);
  const assertion = account.authenticator.authenticate(stepUp.result.data.options, client.baseUrl);
  const steppedUp = await client.call<ActionResult<undefined>>(
    "/account",
    ACCOUNT_ACTIONS,
    "finishPasskeyStepUpAction",
    [stepUp.result.data.ceremonyId, assertion, "add-passkey"],
    { jar },
  );
  if (!steppedUp.result?.ok) throw new FlowError("step-up", steppedUp);
  const start = await client.call<ActionResult<Ceremony<PublicKeyCredentialCreationOptionsJSON>>>(
    "/account",
    ACCOUNT_ACTIONS,
    "startRegistrationAction",
    ["this-device"],
    { jar },
  );
  if (!start.result?.ok) throw new FlowError("registration options", start);
  const credential = new SoftwareAuthenticator().register(start.result.data.options, client.baseUrl);
  const finish = await client.call<ActionResult<{ id: string }>>(
    "/account",
    ACCOUNT_ACTIONS,
    "finishRegistrationAction",
    [start.result.data.ceremonyId, credential],
    { jar },
  );
  if (!finish.result?.ok) throw new FlowError("registration", finish);
  return finish.result.data.id;
}
