// "packed" attestation (WebAuthn L3 §8.2): self (signed by the credential key) or full (x5c chain from the test CA).
import { generateKeyPairSync } from "node:crypto";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import type { CBORType } from "@levischuck/tiny-cbor";
import { byteString } from "../bytes";
import { coseAlgorithmId, createSigner } from "../cose";
import { certificateExtension, issueCertificate, testPki } from "../test-ca";
import type { AttestationInput, AttestationKey, AttestationStatement } from "./types";

/** id-fido-gen-ce-aaguid: the AAGUID as an OCTET STRING, never critical (WebAuthn L3 §8.2.1). */
export const AAGUID_EXTENSION_OID = "1.3.6.1.4.1.45724.1.1.4";

/** The subject WebAuthn L3 §8.2.1 requires of a packed attestation certificate. */
export const PACKED_ATTESTATION_SUBJECT = {
  C: "US",
  O: "Passkey Lab",
  OU: "Authenticator Attestation",
  CN: "Passkey Lab Software Authenticator",
} as const;

const keys = new Map<string, AttestationKey>();

/** The attestation key and x5c for an AAGUID: one per AAGUID per process, as a batch of real authenticators shares one. */
export function packedAttestationKey(aaguid: Buffer): AttestationKey {
  const cached = keys.get(aaguid.toString("hex"));
  if (cached) return cached;
  const { intermediate } = testPki();
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const aaguidExtension = AsnConvert.serialize(new OctetString(byteString(aaguid)));
  const leaf = issueCertificate(intermediate, {
    subject: PACKED_ATTESTATION_SUBJECT,
    publicKey,
    extensions: [certificateExtension(AAGUID_EXTENSION_OID, aaguidExtension)],
  });
  const key: AttestationKey = { signer: createSigner("ES256", privateKey), x5c: [leaf, intermediate.certificateDer] };
  keys.set(aaguid.toString("hex"), key);
  return key;
}

/** Self attestation: alg is the credential's own algorithm, sig by the credential key, no x5c. */
export function packedSelfAttestation(input: AttestationInput): AttestationStatement {
  const signer = createSigner(input.algorithm, input.credentialKey);
  const sig = signer.sign(Buffer.concat([input.authData, input.clientDataHash]));
  return {
    fmt: "packed",
    attStmt: new Map<string, CBORType>([
      ["alg", coseAlgorithmId(input.algorithm)],
      ["sig", byteString(sig)],
    ]),
  };
}

/** Full (basic) attestation: sig by the attestation key over authData || clientDataHash, with its x5c chain. */
export function packedFullAttestation(input: AttestationInput): AttestationStatement {
  const { signer, x5c } = packedAttestationKey(input.aaguid);
  const sig = signer.sign(Buffer.concat([input.authData, input.clientDataHash]));
  return {
    fmt: "packed",
    attStmt: new Map<string, CBORType>([
      ["alg", coseAlgorithmId(signer.algorithm)],
      ["sig", byteString(sig)],
      ["x5c", x5c.map(byteString)],
    ]),
  };
}
