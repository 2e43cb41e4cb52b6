// What an attacker does to a sign-in between the authenticator and the site's script (the RUB-NDS passkeys.tools
// attacks, as a CI step): each answer below must be refused, and the person must stay signed out. Answers that change
// signed bytes are signed again with the credential's own key, so only the site's checks can catch them.
import { assertionMutations, type AssertionMutationName } from "@/lib/authenticator";
import { CaseFailed, CaseInconclusive, CaseSkipped } from "@/lib/conformance/expectations";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import type { CeremonyRequest, ProbeAuthenticator } from "./bridge";
import {
  attemptSignIn,
  counterOf,
  registered,
  requireSignInWorks,
  type Probe,
  type ProbeContext,
} from "./probe-context";

const FAMILY = "Probe-Tamper";
const EVIL_ORIGIN = "https://evil.example";

type GetRequest = Extract<CeremonyRequest, { kind: "get" }>;
/** The tampered answer, or why this tamper does not apply to the site (the probe then answers honestly and skips). */
type Tamper = (
  request: GetRequest,
  authenticator: ProbeAuthenticator,
  context: ProbeContext,
) => AuthenticationResponseJSON | { notApplicable: string };

function tamperProbe(name: string, title: string, tamper: Tamper): Probe {
  return {
    id: `${FAMILY} ${name}`,
    family: FAMILY,
    title,
    run: async (context) => {
      requireSignInWorks(context.state);
      let notApplicable: string | undefined;
      let cannotTamper: unknown;
      const answer = (request: GetRequest, authenticator: ProbeAuthenticator) => {
        try {
          const tampered = tamper(request, authenticator, context);
          if (!("notApplicable" in tampered)) return tampered;
          notApplicable = tampered.notApplicable;
          return authenticator.assert(request);
        } catch (error) {
          cannotTamper = error; // e.g. the second user is missing: the page sees a refusal, the report the reason
          throw error;
        }
      };
      const attempt = await attemptSignIn(context, registered(context.state, "alice"), { answer });
      if (cannotTamper) throw cannotTamper;
      if (!attempt.ceremony)
        throw new CaseInconclusive(
          `the site never asked for a passkey: ${attempt.stepError?.message.split("\n")[0] ?? "signIn ended first"}`,
        );
      if (notApplicable) throw new CaseSkipped(notApplicable);
      if (attempt.signedIn)
        throw new CaseFailed(
          `${title}: accepted`,
          "refused, the person stays signed out",
          "the site signed the person in",
        );
    },
  };
}

/** A mutation of the authenticator's valid answer, re-signed where the mutation says so. */
const mutated =
  (name: AssertionMutationName, storedCounter?: (context: ProbeContext) => number): Tamper =>
  (request, authenticator, context) => {
    const response = authenticator.assert(request);
    const signer = authenticator.software.credentialSigner(response.id);
    return assertionMutations[name].apply(response, {
      signer,
      storedCounter: storedCounter?.(context),
    }) as unknown as AuthenticationResponseJSON;
  };

export const tamperProbes: Probe[] = [
  tamperProbe(
    "replayed-assertion",
    "the assertion of the latest accepted sign-in, sent again",
    (_request, _authenticator, context) => context.state.latestAcceptedSignIn!,
  ),
  tamperProbe("origin-changed", `clientDataJSON names another origin (${EVIL_ORIGIN})`, (request, authenticator) =>
    authenticator.software.authenticate(request.options, request.origin, {
      credentialId: authenticator.credentialFor(request.options),
      clientData: { origin: EVIL_ORIGIN },
    }),
  ),
  tamperProbe("type-changed", 'clientDataJSON says "webauthn.create" in a sign-in', (request, authenticator) =>
    authenticator.software.authenticate(request.options, request.origin, {
      credentialId: authenticator.credentialFor(request.options),
      clientData: { type: "webauthn.create" },
    }),
  ),
  tamperProbe(
    "earlier-challenge",
    "signed over the challenge of an earlier ceremony (the person's registration)",
    (request, authenticator, context) => {
      const earlier = registered(context.state, "alice").registration.options.challenge;
      return authenticator.software.authenticate({ ...request.options, challenge: earlier }, request.origin, {
        credentialId: authenticator.credentialFor(request.options),
      });
    },
  ),
  tamperProbe(
    "rp-id-hash-changed",
    "authenticatorData's rpIdHash is another domain's, re-signed",
    mutated("rpIdHashWrong"),
  ),
  tamperProbe("user-not-present", "UP and UV flags cleared, re-signed", mutated("userNotPresent")),
  tamperProbe(
    "user-not-verified",
    "UV flag cleared while the site asked for user verification (required), re-signed",
    (request, authenticator, context) => {
      if (request.options.userVerification !== "required") {
        return {
          notApplicable: `the site asks for userVerification "${request.options.userVerification ?? "preferred"}", so UV=0 is allowed`,
        };
      }
      return mutated("userPresentOnlyWhenUvRequired")(request, authenticator, context);
    },
  ),
  tamperProbe("signature-bit-flipped", "a bit of the signature flipped", mutated("signatureInvalid")),
  tamperProbe(
    "counter-went-back",
    "the signature counter goes back to the first sign-in's value, re-signed",
    mutated("counterDecreased", (context) => counterOf(context.state.acceptedSignIn!) + 1),
  ),
  tamperProbe(
    "another-credential-id",
    "another credential's id (the second user's) with this credential's signature",
    (request, authenticator, context) => {
      const other = registered(context.state, "bob").credentialId;
      return { ...authenticator.assert(request), id: other, rawId: other };
    },
  ),
  tamperProbe(
    "another-user-handle",
    "the second user's user handle with this credential's signature",
    (request, authenticator, context) => {
      const { userHandle } = registered(context.state, "bob");
      if (userHandle === registered(context.state, "alice").userHandle)
        throw new CaseInconclusive(
          "the site gave both users the same user handle, so there is no other user's handle to send",
        );
      return authenticator.software.authenticate(request.options, request.origin, {
        credentialId: authenticator.credentialFor(request.options),
        userHandle,
      });
    },
  ),
];
