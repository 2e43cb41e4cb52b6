// Cases made from the software authenticator's mutations and controls, so each family is data, not code.
import {
  assertionMutations,
  registrationMutations,
  type AssertionMutationName,
  type AttestationFormat,
  type ClientDataOverrides,
  type RegistrationMutation,
  type RegistrationMutationName,
} from "@/lib/authenticator";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { creationOptions, register, requestOptions, signIn, type RegisterSetup } from "./ceremonies";
import { expectOk, type JsonBody } from "./expectations";
import { expectRefusedAgainstTwin } from "./twin-judgement";
import { assertionTwin, PACKED_SELF_REGISTRATION, registrationTwin, SIGN_IN } from "./twins";
import type { ConformanceCase } from "./types";

export type MutationSpec<Name extends string> = {
  id: string;
  family: string;
  mutation: Name;
  input?: AttestationFormat;
  title?: string;
};

/** A FIDO test ID: "<family> <P-n|F-n>". */
export const fidoId = (family: string, test: string) => `${family} ${test}`;

/** Formats whose x5c the software authenticator signs with the suite's per-run test root. */
const chainedToTestRoot = (format: AttestationFormat) =>
  format === "packed-full" || format === "fido-u2f" || format === "apple";

/** Mutations that need the server's stored counter above 0 first. */
const COUNTER_MUTATIONS = new Set<AssertionMutationName>(["counterNotIncreased", "counterDecreased"]);

/** A registration mutation (any of the authenticator's, or one of ours) that the target must refuse. */
export function refusedRegistration(spec: MutationSpec<string>, mutation: RegistrationMutation): ConformanceCase {
  return {
    id: spec.id,
    family: spec.family,
    title: spec.title ?? mutation.doc,
    testRootChain: chainedToTestRoot(spec.input ?? mutation.input ?? "packed-self") ? "must-refuse" : undefined,
    run: async (context) => {
      const choices = {
        attestation: spec.input ?? mutation.input ?? "packed-self",
        algorithm: mutation.algorithm,
      } as const;
      const uvRequired = spec.mutation === "userVerificationRequiredButNotSet";
      const request = uvRequired ? { authenticatorSelection: { userVerification: "required" } } : {};
      await expectRefusedAgainstTwin(
        context,
        registrationTwin(choices, request),
        "POST /attestation/result",
        async () => {
          const authenticator = context.authenticator(choices);
          const options = await creationOptions(context, context.username(), request);
          const response = authenticator.register(options, context.origin);
          const mutated = mutation.apply(response, { attestationSigner: authenticator.attestationSigner(response.id) });
          return context.client.post("/attestation/result", mutated);
        },
      );
    },
  };
}

export function registrationMutationCase(spec: MutationSpec<RegistrationMutationName>): ConformanceCase {
  return refusedRegistration(spec, registrationMutations[spec.mutation]);
}

/** An assertion mutation the target must refuse, made on a credential it registered. */
export function assertionMutationCase(spec: MutationSpec<AssertionMutationName>): ConformanceCase {
  const mutation = assertionMutations[spec.mutation];
  return {
    id: spec.id,
    family: spec.family,
    title: spec.title ?? mutation.doc,
    run: async (context) => {
      const uvRequired = spec.mutation === "userPresentOnlyWhenUvRequired";
      const request = uvRequired ? { userVerification: "required" } : {};
      await expectRefusedAgainstTwin(
        context,
        assertionTwin(mutation.algorithm, request),
        "POST /assertion/result",
        async () => {
          const registered = await register(context, { choices: { algorithm: mutation.algorithm } });
          let storedCounter = 0;
          if (COUNTER_MUTATIONS.has(spec.mutation)) {
            expectOk(
              await signIn(context, registered, { signCount: 5 }),
              "sign-in with counter 5 (sets the stored counter)",
            );
            storedCounter = 5;
          }
          const options = await requestOptions(context, registered.username, request);
          const response = registered.authenticator.authenticate(options, context.origin, {
            credentialId: registered.credentialId,
          });
          const signer = registered.authenticator.credentialSigner(registered.credentialId);
          return context.client.post("/assertion/result", mutation.apply(response, { signer, storedCounter }));
        },
      );
    },
  };
}

type Options = PublicKeyCredentialCreationOptionsJSON | PublicKeyCredentialRequestOptionsJSON;

/** clientDataJSON made wrong by the authenticator itself (so it is signed): a refusal is expected. */
export function clientDataCase(
  spec: { id: string; family: string; title: string; ceremony: "registration" | "assertion" },
  overrides: (options: Options) => ClientDataOverrides,
): ConformanceCase {
  return {
    ...spec,
    run: async (context) => {
      if (spec.ceremony === "registration") {
        return expectRefusedAgainstTwin(context, PACKED_SELF_REGISTRATION, "POST /attestation/result", async () => {
          const options = await creationOptions(context, context.username());
          const response = context
            .authenticator({ attestation: "packed-self" })
            .register(options, context.origin, { clientData: overrides(options) });
          return context.client.post("/attestation/result", response);
        });
      }
      await expectRefusedAgainstTwin(context, SIGN_IN, "POST /assertion/result", async () => {
        const registered = await register(context);
        const options = await requestOptions(context, registered.username);
        const response = registered.authenticator.authenticate(options, context.origin, {
          clientData: overrides(options),
        });
        return context.client.post("/assertion/result", response);
      });
    },
  };
}

/** A valid registration of some kind, then a sign-in with it: both must succeed (or, if optional, be skipped). */
export function acceptedRegistration(spec: {
  id: string;
  family: string;
  title: string;
  format: AttestationFormat;
  optional?: boolean;
  choices?: RegisterSetup["choices"];
  request?: JsonBody;
  aaguid?: string;
}): ConformanceCase {
  return {
    id: spec.id,
    family: spec.family,
    title: spec.title,
    optional: spec.optional,
    testRootChain: chainedToTestRoot(spec.format) ? "must-accept" : undefined,
    run: async (context) => {
      const authenticator = context.authenticator(spec.aaguid ? { aaguid: spec.aaguid } : {});
      const registered = await register(context, { ...spec, authenticator });
      expectOk(await signIn(context, registered), "sign-in with the new credential");
    },
  };
}

/** A case the suite cannot run, and why. */
export const skipped = (id: string, family: string, title: string, reason: string): ConformanceCase => ({
  id,
  family,
  title,
  skip: reason,
});

/** The same text in standard base64 (with + / =): certainly not base64url. */
export function notBase64url(value: string): string {
  const standard = Buffer.from(value, "base64url").toString("base64");
  return /[+/=]/.test(standard) ? standard : `${standard}=`;
}
