// Passkey ceremonies against the running portal, through its server actions over HTTP, as the browser calls them
// (test/server-action-client.ts): sign-in on /sign-in; step-up + registration on /account.
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { PLAIN_SESSION_COOKIE } from "@/lib/auth/session-cookie";
import type { SoftwareAuthenticator } from "@/lib/authenticator/software-authenticator";
import { CookieJar, type ActionResponse, type ServerActionClient } from "@/test/server-action-client";
import { nextAddress } from "./simulated-people";

/** A desktop Chrome, so the activity log's "browser on OS" is parsed from a real-looking User-Agent. */
export const BENCH_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

/** The plain Auth.js session cookie (http://localhost; `__Secure-` only over https). */
export const SESSION_COOKIE = PLAIN_SESSION_COOKIE;

const SIGN_IN_ACTIONS = "app/(auth)/sign-in/actions.ts";
const ACCOUNT_ACTIONS = "app/(account)/account/actions.ts";
const headers = { "User-Agent": BENCH_USER_AGENT };

type ActionResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string; detail?: string };
type Ceremony<O> = { ceremonyId: string; options: O };

class ActionFailure extends Error {
  constructor(step: string, response: ActionResponse<unknown>) {
    const result = response.result as { code?: string; detail?: string; message?: string } | undefined;
    const reason = result?.code
      ? `${result.code} ${result.detail ?? result.message ?? ""}`
      : response.body.slice(0, 120);
    super(`${step}: HTTP ${response.status} ${reason}`.trim());
  }
}

function data<T>(step: string, response: ActionResponse<ActionResult<T>>): T {
  if (response.status !== 200 || !response.result?.ok) throw new ActionFailure(step, response);
  return response.result.data;
}

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
  const requestHeaders = { ...headers, "X-Forwarded-For": nextAddress() };
  const began = performance.now();
  const start = await actions.call<ActionResult<Ceremony<PublicKeyCredentialRequestOptionsJSON>>>(
    "/sign-in",
    SIGN_IN_ACTIONS,
    "startPasskeySignInAction",
    [],
    { headers: requestHeaders },
  );
  const { ceremonyId, options: requestOptions } = data("options", start);
  const signed = performance.now();
  const response = authenticator.authenticate(requestOptions, actions.baseUrl);
  const verifying = performance.now();
  const jar = new CookieJar();
  const finish = await actions.call<ActionResult<unknown>>(
    "/sign-in",
    SIGN_IN_ACTIONS,
    "finishPasskeySignInAction",
    [ceremonyId, response],
    {
      jar,
      headers: requestHeaders,
    },
  );
  if (options.timings)
    Object.assign(options.timings, { optionsMs: signed - began, finishMs: performance.now() - verifying });
  const sessionSet = finish.setCookies.some(
    (cookie) => cookie.startsWith(`${SESSION_COOKIE}=`) && !cookie.startsWith(`${SESSION_COOKIE}=;`),
  );
  if (finish.status !== 200 || !finish.result?.ok || !sessionSet) throw new ActionFailure("verify", finish);
  return jar;
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
  const options = { jar, headers };
  const stepUp = data(
    "step-up options",
    await actions.call<ActionResult<Ceremony<PublicKeyCredentialRequestOptionsJSON>>>(
      "/account",
      ACCOUNT_ACTIONS,
      "startPasskeyStepUpAction",
      [],
      options,
    ),
  );
  const assertion = authenticator.authenticate(stepUp.options, actions.baseUrl);
  data(
    "step-up verify",
    await actions.call<ActionResult<unknown>>(
      "/account",
      ACCOUNT_ACTIONS,
      "finishPasskeyStepUpAction",
      [stepUp.ceremonyId, assertion, "add-passkey"],
      options,
    ),
  );
  const registration = data(
    "registration options",
    await actions.call<ActionResult<Ceremony<PublicKeyCredentialCreationOptionsJSON>>>(
      "/account",
      ACCOUNT_ACTIONS,
      "startRegistrationAction",
      ["this-device"],
      options,
    ),
  );
  const created = authenticator.register(registration.options, actions.baseUrl);
  data(
    "registration verify",
    await actions.call<ActionResult<unknown>>(
      "/account",
      ACCOUNT_ACTIONS,
      "finishRegistrationAction",
      [registration.ceremonyId, created],
      options,
    ),
  );
}
