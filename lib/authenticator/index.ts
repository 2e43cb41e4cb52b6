// The software authenticator for unit tests and the FIDO2 conformance harness. Framework-free; shares no code with
// lib/webauthn and never imports @simplewebauthn/server at runtime (type-only imports of its JSON types).
export {
  SoftwareAuthenticator,
  type AuthenticateChoices,
  type AuthenticatorOptions,
  type RegisterChoices,
} from "./software-authenticator";
export { ATTESTATION_FORMATS, type AttestationFormat } from "./attestation";
export { ALGORITHM_NAMES, coseAlgorithmId, type AlgorithmName } from "./cose";
export type { ClientDataOverrides } from "./client-data";
export { testCaRootDer, testCaRootPem } from "./test-ca";
export {
  assertionMutations,
  registrationMutations,
  type AssertionMutationName,
  type RegistrationMutation,
  type RegistrationMutationName,
} from "./mutations";
