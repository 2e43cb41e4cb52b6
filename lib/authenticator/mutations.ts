// Negative cases for the FIDO2 server conformance families (README, Conformance) and the
// project's security bar: pure functions from a valid response (plus the keys to sign again) to a mutated copy.
//
//   const response = authenticator.register(options, origin, { attestation: "packed-self" });
//   const context = { attestationSigner: authenticator.attestationSigner(response.id) };
//   const bad = registrationMutations.challengeWrong.apply(response, context); // well signed, wrong challenge
import {
  assertionClientDataMutations,
  assertionDataMutations,
  assertionStructureMutations,
} from "./mutations/assertion";
import { attestationObjectMutations } from "./mutations/attestation-statement";
import {
  registrationAuthDataMutations,
  registrationClientDataMutations,
  registrationStructureMutations,
} from "./mutations/registration";
import type { AssertionMutation, RegistrationMutation } from "./mutations/types";

export type { RegistrationMutation } from "./mutations/types";

const registrationMutationsByName = {
  ...registrationStructureMutations,
  ...registrationClientDataMutations,
  ...registrationAuthDataMutations,
  ...attestationObjectMutations,
} satisfies Record<string, RegistrationMutation>;

const assertionMutationsByName = {
  ...assertionStructureMutations,
  ...assertionClientDataMutations,
  ...assertionDataMutations,
} satisfies Record<string, AssertionMutation>;

export type RegistrationMutationName = keyof typeof registrationMutationsByName;
export type AssertionMutationName = keyof typeof assertionMutationsByName;

// Typed as plain mutations, so every optional member (`input`, `algorithm`) can be read from any of them.
export const registrationMutations: Record<RegistrationMutationName, RegistrationMutation> =
  registrationMutationsByName;
export const assertionMutations: Record<AssertionMutationName, AssertionMutation> = assertionMutationsByName;
