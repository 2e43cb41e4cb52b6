// The portal as a person's browser drives it, over HTTP through its server actions (server-action-client.ts), with
// the software authenticator's real signatures: the one client for e2e security tests, the durability suite and
// benchmarks. No Playwright here: a test that needs a browser builds on it in e2e/fixtures/api-account.ts.
import { randomInt } from "node:crypto";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import type { PasswordState } from "@/app/(auth)/sign-in/actions";
import type { SignUpCodeState, SignUpState } from "@/app/(auth)/sign-up/actions";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";
import { SoftwareAuthenticator } from "@/lib/authenticator/software-authenticator";
import type { StepUpPurpose } from "@/lib/db/schema";
import type { Result } from "@/lib/result";
import { CookieJar, ServerActionClient, type ActionResponse } from "./server-action-client";

export const SIGN_IN_ACTIONS = "app/(auth)/sign-in/actions.ts";
export const SIGN_UP_ACTIONS = "app/(auth)/sign-up/actions.ts";
export const ACCOUNT_ACTIONS = "app/(account)/account/actions.ts";
export const PASSWORD_ACTIONS = "app/(account)/account/password/actions.ts";
export const WALLET_ACTIONS = "app/(account)/wallet/actions.ts";

/**
 * The page whose form holds each file's actions. A browser posts an action to its own page: posted to another page,
 * Next.js still runs it but drops the Set-Cookie of a session it starts (a step-up starts one).
 */
const PAGE_OF_ACTIONS: Record<string, string> = {
  [SIGN_IN_ACTIONS]: "/sign-in",
  [SIGN_UP_ACTIONS]: "/sign-up",
  [ACCOUNT_ACTIONS]: "/account",
  [PASSWORD_ACTIONS]: "/account/password",
  [WALLET_ACTIONS]: "/wallet",
};

export type Ceremony<Options = PublicKeyCredentialRequestOptionsJSON> = { ceremonyId: string; options: Options };
type CallOptions = { jar?: CookieJar; headers?: Record<string, string> };

/** An address in 198.18.0.0/15 (RFC 2544, for benchmarks and tests) for a client of its own. */
export function newClientAddress(): string {
  return `198.18.${randomInt(256)}.${randomInt(256)}`;
}

/**
 * A client of the server at `baseUrl`, with `address` as the X-Forwarded-For a proxy would set: each client is a client
 * of its own for per-client rate limits (lib/auth/rate-limit.ts), so they never answer in place of the code under test.
 */
export function portalClient(baseUrl: string, address = newClientAddress()): ServerActionClient {
  return new ServerActionClient(baseUrl, undefined, { "X-Forwarded-For": address });
}

/** A person's signed-in browser: its client and its cookies. */
export type Session = { client: ServerActionClient; jar: CookieJar };

/** True when an answer hands out an Auth.js session cookie (not one that clears it). */
export function setsSession(setCookies: string[]): boolean {
  return setCookies.some((cookie) =>
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

/** A step of a flow the server refused: which step, and what it answered. */
export class FlowError extends Error {
  constructor(
    readonly step: string,
    readonly response: ActionResponse<unknown>,
  ) {
    super(`${step}: ${describeAnswer(response)}`);
  }
}

/** An action of `file` called in `session`, posted to the page whose form holds it. */
export function sessionAction<T = undefined>(session: Session, file: string, action: string, args: unknown[]) {
  return session.client.call<Result<T>>(PAGE_OF_ACTIONS[file], file, action, args, { jar: session.jar });
}

/** The sign-up form's first step; the answer holds the pending token the code step needs. */
export function startSignUp(client: ServerActionClient, email: string, password: string, options: CallOptions = {}) {
  return client.callWithForm<SignUpState>("/sign-up", SIGN_UP_ACTIONS, "signUpAction", { email, password }, options);
}

/** The sign-up form's code step; on success the answer sets the session cookie (kept in `jar`). */
export async function confirmSignUp(
  client: ServerActionClient,
  pendingToken: string,
  code: string,
  jar = new CookieJar(),
) {
  const fields = { pendingToken, code };
  const answer = await client.callWithForm<SignUpCodeState>(
    "/sign-up",
    SIGN_UP_ACTIONS,
    "confirmSignUpAction",
    fields,
    {
      jar,
    },
  );
  return { ...answer, signedIn: setsSession(answer.setCookies), jar };
}

/** The password form's first step; a right password answers with the pending token of the second factor. */
export function startPasswordSignIn(
  client: ServerActionClient,
  email: string,
  password: string,
  options: CallOptions = {},
) {
  const fields = { email, password };
  return client.callWithForm<PasswordState>("/sign-in", SIGN_IN_ACTIONS, "signInWithPasswordAction", fields, options);
}

/** Passkey sign-in options: username-first with an email, usernameless without. */
export function startPasskeySignIn(client: ServerActionClient, email?: string) {
  return client.call<Result<Ceremony>>("/sign-in", SIGN_IN_ACTIONS, "startPasskeySignInAction", email ? [email] : []);
}

/** Passkey sign-in options (username-first with an email, usernameless without); throws FlowError when refused. */
export async function passkeySignInOptions(client: ServerActionClient, email?: string): Promise<Ceremony> {
  const start = await startPasskeySignIn(client, email);
  if (!start.result?.ok) throw new FlowError("sign-in options", start);
  return start.result.data;
}

/** Sends a passkey sign-in's response; `signedIn` is true when the server handed out a session cookie (kept in `jar`). */
export async function finishPasskeySignIn(
  client: ServerActionClient,
  ceremonyId: string,
  response: unknown,
  jar = new CookieJar(),
) {
  const args = [ceremonyId, response];
  const answer = await client.call<Result>("/sign-in", SIGN_IN_ACTIONS, "finishPasskeySignInAction", args, { jar });
  return { ...answer, signedIn: setsSession(answer.setCookies), jar };
}

/**
 * A whole passkey sign-in (username-first with `email`, else usernameless; `credentialId` picks the passkey): options
 * from `client`, the assertion signed for `origin` (the page the browser is on), verified by `verifier` (another
 * instance, or the same). Returns the signed-in session; throws FlowError unless the server answered ok with a session.
 */
export async function signInWithPasskey(
  client: ServerActionClient,
  authenticator: SoftwareAuthenticator,
  {
    email,
    credentialId,
    verifier = client,
    origin = client.baseUrl,
  }: { email?: string; credentialId?: string; verifier?: ServerActionClient; origin?: string } = {},
): Promise<Session> {
  const { ceremonyId, options } = await passkeySignInOptions(client, email);
  const assertion = authenticator.authenticate(options, origin, { credentialId });
  const finish = await finishPasskeySignIn(verifier, ceremonyId, assertion);
  if (!finish.result?.ok || !finish.signedIn) throw new FlowError("sign-in verification", finish);
  return { client, jar: finish.jar };
}

/** A step-up for `purpose` with a passkey of `authenticator`; the new session it starts is kept in the session's jar. */
export async function stepUpWithPasskey(
  session: Session,
  authenticator: SoftwareAuthenticator,
  purpose: StepUpPurpose,
): Promise<void> {
  const start = await sessionAction<Ceremony>(session, ACCOUNT_ACTIONS, "startPasskeyStepUpAction", []);
  if (!start.result?.ok) throw new FlowError("step-up options", start);
  const assertion = authenticator.authenticate(start.result.data.options, session.client.baseUrl);
  const args = [start.result.data.ceremonyId, assertion, purpose];
  const finish = await sessionAction(session, ACCOUNT_ACTIONS, "finishPasskeyStepUpAction", args);
  if (!finish.result?.ok) throw new FlowError("step-up", finish);
}

/** A step-up for `purpose` with a code from the account's authenticator app. */
export async function stepUpWithTotp(session: Session, code: string, purpose: StepUpPurpose): Promise<void> {
  const stepUp = await sessionAction(session, ACCOUNT_ACTIONS, "stepUpWithTotpAction", [code, purpose]);
  if (!stepUp.result?.ok) throw new FlowError("step-up", stepUp);
}

/**
 * Add-a-passkey after an "add-passkey" step-up: registration options, then whatever `register` makes of them. Returns
 * the answer to the registration, refused or not (security tests send what no browser would).
 */
export async function registerPasskey(
  session: Session,
  register: (options: PublicKeyCredentialCreationOptionsJSON) => unknown,
) {
  const start = await sessionAction<Ceremony<PublicKeyCredentialCreationOptionsJSON>>(
    session,
    ACCOUNT_ACTIONS,
    "startRegistrationAction",
    ["this-device"],
  );
  if (!start.result?.ok) throw new FlowError("registration options", start);
  return sessionAction<{ id: string }>(session, ACCOUNT_ACTIONS, "finishRegistrationAction", [
    start.result.data.ceremonyId,
    register(start.result.data.options),
  ]);
}

/** Adds a passkey of `authenticator` (a new one by default) after an "add-passkey" step-up; returns its id. */
export async function addPasskey(session: Session, authenticator = new SoftwareAuthenticator()): Promise<string> {
  const finish = await registerPasskey(session, (options) => authenticator.register(options, session.client.baseUrl));
  if (!finish.result?.ok) throw new FlowError("registration", finish);
  return finish.result.data.id;
}

export type WithdrawalRequest = { amount: string; destination: string };

/** A withdrawal confirmed with a passkey of `authenticator`; returns its id and the new balance. */
export async function withdraw(session: Session, authenticator: SoftwareAuthenticator, request: WithdrawalRequest) {
  const start = await sessionAction<Ceremony>(session, WALLET_ACTIONS, "startWithdrawalAction", [request]);
  if (!start.result?.ok) throw new FlowError("withdrawal options", start);
  const assertion = authenticator.authenticate(start.result.data.options, session.client.baseUrl);
  const finish = await sessionAction<{ withdrawalId: string; balance: number }>(
    session,
    WALLET_ACTIONS,
    "finishWithdrawalAction",
    [start.result.data.ceremonyId, request, assertion],
  );
  if (!finish.result?.ok) throw new FlowError("withdrawal confirmation", finish);
  return finish.result.data;
}
