// "apple" anonymous attestation (WebAuthn L3 §8.8): no signature; a fresh certificate for the credential key carries
// nonce = SHA-256(authData || clientDataHash) in extension 1.2.840.113635.100.8.2.
import { createPublicKey } from "node:crypto";
import type { CBORType } from "@levischuck/tiny-cbor";
import { byteString, sha256 } from "../bytes";
import { certificateExtension, issueCertificate, testPki } from "../test-ca";
import type { AttestationInput, AttestationStatement } from "./types";

export const APPLE_NONCE_EXTENSION_OID = "1.2.840.113635.100.8.2";

/** DER of `SEQUENCE { [1] EXPLICIT OCTET STRING nonce }` for a 32-byte nonce: 30 24 a1 22 04 20 || nonce. */
export function appleNonceExtensionValue(nonce: Buffer): Buffer {
  if (nonce.length !== 32) throw new Error(`the Apple nonce is a SHA-256 hash (32 bytes), got ${nonce.length}`);
  const octetString = Buffer.concat([Buffer.from([0x04, nonce.length]), nonce]);
  const explicitTag1 = Buffer.concat([Buffer.from([0xa1, octetString.length]), octetString]);
  return Buffer.concat([Buffer.from([0x30, explicitTag1.length]), explicitTag1]);
}

export function appleAttestation(input: AttestationInput): AttestationStatement {
  const { intermediate } = testPki();
  const nonce = sha256(Buffer.concat([input.authData, input.clientDataHash]));
  const credentialCertificate = issueCertificate(intermediate, {
    subject: { O: "Passkey Lab", OU: "AAA Certification", CN: sha256(input.credentialId).toString("hex") },
    publicKey: createPublicKey(input.credentialKey),
    extensions: [certificateExtension(APPLE_NONCE_EXTENSION_OID, appleNonceExtensionValue(nonce))],
  });
  return {
    fmt: "apple",
    attStmt: new Map<string, CBORType>([
      ["x5c", [byteString(credentialCertificate), byteString(intermediate.certificateDer)]],
    ]),
  };
}
