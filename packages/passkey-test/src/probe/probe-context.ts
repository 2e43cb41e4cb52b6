// What each probe works with: the site's config, a fresh page, the authenticator, and what earlier probes left —
// the users they registered and the sign-in they captured. One browser and one pair of users serve every probe.
import type { Page } from "@playwright/test";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { CaseFailed, CaseInconclusive } from "@/lib/conformance/expectations";
import type { PasskeyLabConfig, ProbeUser } from "../config";
import type { Ceremony, ProbeAuthenticator, SignInPlan } from "./bridge";
import { networkQuiet, settle } from "./page-settled";

export type Registered = { user: ProbeUser; credentialId: string; userHandle: string; registration: Ceremony };

export type ProbeState = {
  alice?: Registered;
  bob?: Registered;
  /** The assertion of the first sign-in the site accepted: where "the counter goes back" goes back to. */
  acceptedSignIn?: AuthenticationResponseJSON;
  /** The assertion of the latest sign-in the site accepted: what a replay sends again (its counter is the site's). */
  latestAcceptedSignIn?: AuthenticationResponseJSON;
};

export type ProbeContext = {
  config: PasskeyLabConfig;
  page: Page;
  authenticator: ProbeAuthenticator;
  state: ProbeState;
  stepTimeoutMs: number;
  newUser: () => ProbeUser;
};

export type Probe = { id: string; family: string; title: string; run: (context: ProbeContext) => Promise<void> };

/** The signature counter an assertion reports (authenticator data bytes 33–36, WebAuthn L3 §6.1). */
export const counterOf = (assertion: AuthenticationResponseJSON) =>
  Buffer.from(assertion.response.authenticatorData, "base64url").readUInt32BE(33);

/** A config step, given at most the step timeout. */
export function step(context: ProbeContext, name: string, run: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${name} took longer than ${context.stepTimeoutMs} ms`)),
      context.stepTimeoutMs,
    );
  });
  return Promise.race([run(), limit]).finally(() => clearTimeout(timer));
}

/** The config's isSignedIn on the probe's page; a step that throws counts as "not signed in". */
export async function isSignedIn(context: ProbeContext): Promise<boolean> {
  let signedIn = false;
  await settle(
    step(context, "isSignedIn", async () => {
      signedIn = await context.config.isSignedIn(context.page);
    }),
  );
  return signedIn;
}

export type Attempt = { signedIn: boolean; ceremony?: Ceremony; stepError?: Error };

/**
 * Runs a sign-in step (the config's signIn unless told otherwise) with the next ceremony answered by `plan`, waits
 * until the site has reacted to the answer (its step returned, or its requests went quiet), then asks isSignedIn.
 */
export async function attemptSignIn(
  context: ProbeContext,
  who: Registered,
  plan?: SignInPlan,
  run: () => Promise<void> = () => context.config.signIn(context.page, who.user),
): Promise<Attempt> {
  const { authenticator, page } = context;
  authenticator.signingWith = who.credentialId;
  if (plan) authenticator.planNextSignIn(plan);
  let ceremony: Ceremony | undefined;
  let stepResult: Awaited<ReturnType<typeof settle>> | undefined;
  const answered = authenticator.nextCeremony().then((seen) => (ceremony = seen));
  const outcome = settle(step(context, "signIn", run)).then((result) => (stepResult = result));
  await Promise.race([outcome, answered]);
  if (ceremony) await Promise.race([outcome, networkQuiet(page, context.stepTimeoutMs)]);
  await page.waitForLoadState().catch(() => undefined);
  authenticator.planNextSignIn(undefined); // a plan the site never used must not answer the next probe's sign-in
  const signedIn = await isSignedIn(context);
  if (signedIn && ceremony?.kind === "get" && ceremony.answer)
    context.state.latestAcceptedSignIn = ceremony.answer as AuthenticationResponseJSON;
  return { signedIn, ceremony, stepError: stepResult && !stepResult.ok ? stepResult.error : undefined };
}

/** The registered user a probe needs, or why it cannot run: an earlier probe did not register them. */
export function registered(state: ProbeState, who: "alice" | "bob"): Registered {
  const user = state[who];
  if (!user)
    throw new CaseInconclusive(
      `needs the user an earlier probe registers (${who === "alice" ? "register" : "register another user"}), and that probe did not`,
    );
  return user;
}

/** A valid sign-in worked earlier in this run: the twin every tamper and resilience probe is judged against. */
export function requireSignInWorks(state: ProbeState): void {
  if (!state.acceptedSignIn)
    throw new CaseInconclusive(
      "the site refused a valid sign-in earlier (probe sign-in), so a refusal here proves nothing",
    );
}

export const expectSignedIn = (attempt: Attempt, what: string) => {
  if (!attempt.signedIn) {
    const why = attempt.stepError
      ? attempt.stepError.message.split("\n")[0]
      : attempt.ceremony
        ? "the site did not show the person signed in"
        : "the site never asked for a passkey";
    throw new CaseFailed(`${what}: not signed in`, "signed in", why);
  }
};
