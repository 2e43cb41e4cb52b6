// Picks the attestation statement for a format, and says which algorithms and signer go with it.
import type { CBORType } from "@levischuck/tiny-cbor";
import { createSigner, isEllipticCurve, type AlgorithmName, type Signer } from "../cose";
import { appleAttestation } from "./apple";
import { fidoU2fAttestation, fidoU2fAttestationKey } from "./fido-u2f";
import { packedAttestationKey, packedFullAttestation, packedSelfAttestation } from "./packed";
import type { AttestationFormat, AttestationInput, AttestationStatement } from "./types";

export { ATTESTATION_FORMATS, type AttestationFormat, type AttestationInput, type AttestationStatement } from "./types";

export function attest(format: AttestationFormat, input: AttestationInput): AttestationStatement {
  switch (format) {
    case "none":
      return { fmt: "none", attStmt: new Map<string, CBORType>() };
    case "packed-self":
      return packedSelfAttestation(input);
    case "packed-full":
      return packedFullAttestation(input);
    case "fido-u2f":
      return fidoU2fAttestation(input);
    case "apple":
      return appleAttestation(input);
  }
}

/** U2F keys are P-256 only (WebAuthn L3 §8.6); Apple certifies EC keys (its verifiers compare the raw EC point). */
export function formatSupportsAlgorithm(format: AttestationFormat, algorithm: AlgorithmName): boolean {
  if (format === "fido-u2f") return algorithm === "ES256";
  if (format === "apple") return isEllipticCurve(algorithm);
  return true;
}

/** The key that made the attestation signature, if the format has one (for mutations that re-sign). */
export function attestationSigner(
  format: AttestationFormat,
  input: Pick<AttestationInput, "aaguid" | "algorithm" | "credentialKey">,
): Signer | undefined {
  switch (format) {
    case "packed-self":
      return createSigner(input.algorithm, input.credentialKey);
    case "packed-full":
      return packedAttestationKey(input.aaguid).signer;
    case "fido-u2f":
      return fidoU2fAttestationKey().signer;
    default:
      return undefined;
  }
}
