// The software authenticator for unit tests and the FIDO2 conformance harness. Framework-free; shares no code with
// lib/webauthn and never imports @simplewebauthn/server at runtime (type-only imports of its JSON types).
export {
  SoftwareAuthenticator,
  type AuthenticateChoices,
  type AuthenticatorOptions,
  type Flags,
  type RegisterChoices,
  type SignCountMode,
  type StoredCredential,
} from "./software-authenticator";
export { ATTESTATION_FORMATS, type AttestationFormat } from "./attestation";
export { ALGORITHM_NAMES, algorithmName, coseAlgorithmId, type AlgorithmName, type Signer } from "./cose";
export type { ExtensionOutputs } from "./authenticator-data";
export type { ClientDataOverrides } from "./client-data";
export { testCaRootDer, testCaRootPem } from "./test-ca";
export {
  assertionMutations,
  registrationMutations,
  type AssertionMutation,
  type AssertionMutationContext,
  type AssertionMutationName,
  type RegistrationMutation,
  type RegistrationMutationContext,
  type RegistrationMutationName,
} from "./mutations";
