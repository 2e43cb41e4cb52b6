// "fido-u2f" attestation (WebAuthn L3 §8.6): a U2F authenticator's registration signature, P-256 credentials only.
import { createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import type { CBORType } from "@levischuck/tiny-cbor";
import { byteString } from "../bytes";
import { createSigner } from "../cose";
import { issueCertificate, testPki } from "../test-ca";
import type { AttestationInput, AttestationKey, AttestationStatement } from "./types";

let key: AttestationKey | undefined;

/** The U2F attestation key; its certificate comes straight from the root because x5c must hold exactly one. */
export function fidoU2fAttestationKey(): AttestationKey {
  if (!key) {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const leaf = issueCertificate(testPki().root, {
      subject: { C: "US", O: "Passkey Lab", CN: "Passkey Lab U2F Attestation" },
      publicKey,
    });
    key = { signer: createSigner("ES256", privateKey), x5c: [leaf] };
  }
  return key;
}

/** The uncompressed EC point 0x04 || x || y of a P-256 key (the U2F "user public key"). */
export function uncompressedPoint(credentialKey: KeyObject): Buffer {
  const jwk = createPublicKey(credentialKey).export({ format: "jwk" });
  return Buffer.concat([
    Buffer.from([0x04]),
    Buffer.from(jwk.x ?? "", "base64url"),
    Buffer.from(jwk.y ?? "", "base64url"),
  ]);
}

/** verificationData = 0x00 || rpIdHash || clientDataHash || credentialId || publicKeyU2F (WebAuthn L3 §8.6 step 5). */
export function fidoU2fSignatureBase(
  rpIdHash: Buffer,
  clientDataHash: Buffer,
  credentialId: Buffer,
  point: Buffer,
): Buffer {
  return Buffer.concat([Buffer.from([0x00]), rpIdHash, clientDataHash, credentialId, point]);
}

export function fidoU2fAttestation(input: AttestationInput): AttestationStatement {
  const { signer, x5c } = fidoU2fAttestationKey();
  const base = fidoU2fSignatureBase(
    input.rpIdHash,
    input.clientDataHash,
    input.credentialId,
    uncompressedPoint(input.credentialKey),
  );
  return {
    fmt: "fido-u2f",
    attStmt: new Map<string, CBORType>([
      ["sig", byteString(signer.sign(base))],
      ["x5c", x5c.map(byteString)],
    ]),
  };
}
