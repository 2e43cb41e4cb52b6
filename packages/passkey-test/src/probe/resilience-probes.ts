// What goes wrong for people every day: they cancel, their fingerprint is not recognised, the prompt times out, they
// add the same authenticator twice, or a passkey the site never saw answers. The site must stay usable and let no one in.
import { SoftwareAuthenticator } from "@/lib/authenticator";
import { CaseFailed, CaseSkipped } from "@/lib/conformance/expectations";
import { settle } from "./page-settled";
import {
  attemptSignIn,
  expectSignedIn,
  isSignedIn,
  registered,
  requireSignInWorks,
  step,
  type Probe,
  type ProbeContext,
} from "./probe-context";

const FAMILY = "Probe-Resilience";

/** Browsers report a cancel, a failed user verification and a timeout alike (WebAuthn L3 §5.1.4.1: NotAllowedError). */
const refusal = (message: string) => ({ refuse: { name: "NotAllowedError", message } });

/** After a failed ceremony the person is signed out, and a normal sign-in on a fresh load still works. */
async function expectSignedOutThenUsable(context: ProbeContext, what: string, signedIn: boolean) {
  if (signedIn) throw new CaseFailed(`${what}: signed in`, "signed out", "the site shows the person signed in");
  const again = await attemptSignIn(context, registered(context.state, "alice"));
  if (!again.signedIn)
    throw new CaseFailed(
      `after ${what}, a normal sign-in`,
      "signed in (the site is still usable)",
      again.stepError?.message.split("\n")[0] ?? "not signed in",
    );
}

const refusedSignIn = (name: string, title: string, message: string): Probe => ({
  id: `${FAMILY} ${name}`,
  family: FAMILY,
  title,
  run: async (context) => {
    requireSignInWorks(context.state);
    const attempt = await attemptSignIn(context, registered(context.state, "alice"), refusal(message));
    await expectSignedOutThenUsable(context, title, attempt.signedIn);
  },
});

export const resilienceProbes: Probe[] = [
  refusedSignIn(
    "cancelled",
    "the person cancels the passkey prompt",
    "The operation either timed out or was not allowed (the person cancelled).",
  ),
  refusedSignIn(
    "user-verification-fails",
    "the authenticator cannot verify the person (fingerprint or PIN not recognised)",
    "User verification failed.",
  ),
  refusedSignIn(
    "timed-out",
    "the passkey prompt times out",
    "The operation either timed out or was not allowed (timed out).",
  ),
  {
    id: `${FAMILY} unknown-credential`,
    family: FAMILY,
    title: "a passkey the site never registered answers the sign-in",
    run: async (context) => {
      requireSignInWorks(context.state);
      const stranger = new SoftwareAuthenticator();
      const attempt = await attemptSignIn(context, registered(context.state, "alice"), {
        answer: (request) => {
          const user = { id: Buffer.alloc(32, 7).toString("base64url"), name: "stranger", displayName: "Stranger" };
          const rp = { id: request.options.rpId ?? new URL(request.origin).hostname, name: "elsewhere" };
          const { id } = stranger.register(
            { challenge: request.options.challenge, rp, user, pubKeyCredParams: [] },
            request.origin,
          );
          return stranger.authenticate({ ...request.options, allowCredentials: [] }, request.origin, {
            credentialId: id,
          });
        },
      });
      await expectSignedOutThenUsable(context, "an unknown passkey", attempt.signedIn);
    },
  },
  {
    id: `${FAMILY} same-authenticator-twice`,
    family: FAMILY,
    title:
      "the person adds a passkey from an authenticator that already holds one for them: the site lists it in excludeCredentials",
    run: async (context) => {
      const { addPasskey } = context.config;
      if (!addPasskey) throw new CaseSkipped("the config has no addPasskey");
      const alice = registered(context.state, "alice");
      expectSignedIn(await attemptSignIn(context, alice), "sign-in before adding a passkey");
      const seenBefore = context.authenticator.ceremonies.length;
      await settle(step(context, "addPasskey", () => addPasskey(context.page, alice.user)));
      const creation = context.authenticator.ceremonies
        .slice(seenBefore)
        .find((ceremony) => ceremony.kind === "create");
      if (!creation || creation.kind !== "create")
        throw new CaseFailed(
          "addPasskey: the site never asked for a passkey",
          "navigator.credentials.create()",
          "none",
        );
      const excluded = creation.options.excludeCredentials?.map((credential) => credential.id) ?? [];
      if (!excluded.includes(alice.credentialId)) {
        throw new CaseFailed(
          "excludeCredentials",
          `the passkey already registered (${alice.credentialId})`,
          excluded.length ? excluded.join(", ") : "none: the same authenticator registered a second passkey",
        );
      }
      if (!(await isSignedIn(context)))
        throw new CaseFailed(
          "after the authenticator refused",
          "still signed in, the site usable",
          "signed out or broken",
        );
    },
  },
];
