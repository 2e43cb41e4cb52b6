// Happy paths: what a person does on the site, each of which must work. They also leave the users and the accepted
// sign-in the other probes build on.
import { CaseFailed, CaseSkipped } from "@/lib/conformance/expectations";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import {
  attemptSignIn,
  expectSignedIn,
  isSignedIn,
  registered,
  step,
  type Probe,
  type ProbeContext,
  type Registered,
  counterOf,
} from "./probe-context";
import { settle } from "./page-settled";

const FAMILY = "Probe-Happy";

/** Registers a fresh user through the site's register step; the passkey is the one the site asked for. */
async function registerUser(context: ProbeContext): Promise<Registered> {
  const user = context.newUser();
  const seenBefore = context.authenticator.ceremonies.length;
  const result = await settle(step(context, "register", () => context.config.register(context.page, user)));
  const registration = context.authenticator.ceremonies
    .slice(seenBefore)
    .find((ceremony) => ceremony.kind === "create");
  if (!registration)
    throw new CaseFailed(
      "register: the site never asked for a passkey",
      "navigator.credentials.create()",
      result.ok ? "register ended without one" : result.error.message.split("\n")[0],
    );
  if (!registration.answer) {
    const alice = context.state.alice;
    const excluded =
      registration.kind === "create"
        ? (registration.options.excludeCredentials ?? []).map((credential) => credential.id)
        : [];
    const why =
      alice && excluded.includes(alice.credentialId)
        ? `${registration.refused}: the site listed the first person's passkey in this person's excludeCredentials, as if both were one account`
        : (registration.refused ?? "");
    throw new CaseFailed(
      "register: the authenticator refused the site's options",
      "options for a new account a platform authenticator accepts",
      why,
    );
  }
  if (!result.ok)
    throw new CaseFailed(
      "register: the site did not say the passkey was added",
      "register() to end",
      result.error.message.split("\n")[0],
    );
  const credentialId = registration.answer.id;
  return {
    user,
    credentialId,
    userHandle: context.authenticator.software.credential(credentialId).userHandle,
    registration,
  };
}

export const happyProbes: Probe[] = [
  {
    id: `${FAMILY} register`,
    family: FAMILY,
    title: "a new person registers a passkey",
    run: async (context) => {
      context.state.alice = await registerUser(context);
    },
  },
  {
    id: `${FAMILY} register-another-user`,
    family: FAMILY,
    title: "a second person registers a passkey on the same authenticator",
    run: async (context) => {
      context.state.bob = await registerUser(context);
    },
  },
  {
    id: `${FAMILY} sign-in`,
    family: FAMILY,
    title: "the person signs in with their passkey",
    run: async (context) => {
      const attempt = await attemptSignIn(context, registered(context.state, "alice"));
      expectSignedIn(attempt, "sign-in");
      context.state.acceptedSignIn = attempt.ceremony?.answer as AuthenticationResponseJSON;
    },
  },
  {
    id: `${FAMILY} sign-in-again`,
    family: FAMILY,
    title: "the person signs in again; the authenticator's counter went up and the site accepts it",
    run: async (context) => {
      const attempt = await attemptSignIn(context, registered(context.state, "alice"));
      expectSignedIn(attempt, "second sign-in");
      const before = context.state.acceptedSignIn;
      const now = attempt.ceremony?.answer as AuthenticationResponseJSON | undefined;
      if (before && now && counterOf(now) <= counterOf(before))
        throw new CaseFailed(
          "counter",
          "a higher counter than the first sign-in",
          `${counterOf(now)} after ${counterOf(before)}`,
        );
    },
  },
  {
    id: `${FAMILY} sign-in-usernameless`,
    family: FAMILY,
    title: "the person signs in without typing a username; the browser offers the passkey",
    run: async (context) => {
      const { signInUsernameless } = context.config;
      if (!signInUsernameless) throw new CaseSkipped("the config has no signInUsernameless");
      const attempt = await attemptSignIn(context, registered(context.state, "alice"), undefined, () =>
        signInUsernameless(context.page),
      );
      expectSignedIn(attempt, "usernameless sign-in");
    },
  },
  {
    id: `${FAMILY} sign-out`,
    family: FAMILY,
    title: "the person signs out and is shown signed out",
    run: async (context) => {
      const { signOut } = context.config;
      if (!signOut) throw new CaseSkipped("the config has no signOut (the probes clear cookies instead)");
      expectSignedIn(await attemptSignIn(context, registered(context.state, "alice")), "sign-in before signing out");
      await step(context, "signOut", () => signOut(context.page));
      if (await isSignedIn(context)) throw new CaseFailed("sign-out", "signed out", "still signed in");
    },
  },
];
