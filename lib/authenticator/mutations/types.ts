import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import type { AttestationFormat } from "../attestation";
import type { Signer } from "../cose";
import type { JsonObject } from "./json";

/**
 * One negative test: `apply` returns a mutated deep copy (never touching its input), as plain JSON because the
 * point is often a member that is missing or of the wrong type. `family` is the FIDO conformance test family the
 * case belongs to (or "Security-<n>" for the lines of the project's security bar).
 */
export type Mutation<Response, Context> = {
  family: string;
  doc: string;
  /** The attestation format the input registration must have, when it matters. */
  input?: AttestationFormat;
  apply: (response: Response, context: Context) => JsonObject;
};

/** Registration mutations re-sign with the attestation key when there is one (see SoftwareAuthenticator.attestationSigner). */
export type RegistrationMutationContext = { attestationSigner?: Signer };

/** Assertion mutations re-sign with the credential key; `storedCounter` is what the server holds for it. */
export type AssertionMutationContext = { signer: Signer; storedCounter?: number };

export type RegistrationMutation = Mutation<RegistrationResponseJSON, RegistrationMutationContext>;
export type AssertionMutation = Mutation<AuthenticationResponseJSON, AssertionMutationContext>;
