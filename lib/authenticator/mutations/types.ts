import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import type { AttestationFormat } from "../attestation";
import type { AlgorithmName, Signer } from "../cose";
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
  /**
   * The credential key algorithm the input must use, when it matters: an ECDSA encoding fault means nothing on an
   * Ed25519 or RSA key (a server offering EdDSA first would otherwise get a merely broken signature, or, when the
   * edited byte already had the new value, the valid one).
   */
  algorithm?: AlgorithmName;
  apply: (response: Response, context: Context) => JsonObject;
};

/** Registration mutations re-sign with the attestation key when there is one (see SoftwareAuthenticator.attestationSigner). */
export type RegistrationMutationContext = { attestationSigner?: Signer };

/** Assertion mutations re-sign with the credential key; `storedCounter` is what the server holds for it. */
export type AssertionMutationContext = { signer: Signer; storedCounter?: number };

export type RegistrationMutation = Mutation<RegistrationResponseJSON, RegistrationMutationContext>;
export type AssertionMutation = Mutation<AuthenticationResponseJSON, AssertionMutationContext>;

/** `mutation`, made on an ES256 credential: for faults in the encoding of an ECDSA signature. */
export const onEcdsaKey = <M extends Mutation<never, never>>(mutation: M): M => ({ ...mutation, algorithm: "ES256" });
