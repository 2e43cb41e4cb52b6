// WebAuthn L3 §6.5.5: an ECDSA signature is an ASN.1 DER Ecdsa-Sig-Value. SimpleWebAuthn's parser also takes other
// encodings of the same r and s (any SEQUENCE tag, a wrong SEQUENCE length), so a signature with a flipped header
// byte still verified (security bar A9). Only the one DER encoding is accepted: parsed and serialised again, it must
// come back byte for byte, and each integer must be minimal and positive (X.690 §8.3.2).
import { ECDSASigValue } from "@peculiar/asn1-ecc";
import { AsnParser, AsnSerializer } from "@peculiar/asn1-schema";
import { cose, decodeCredentialPublicKey } from "@simplewebauthn/server/helpers";

/** COSE algorithms whose signatures are ECDSA in DER: ES256, ES384, ES512, ES256K. */
export const ECDSA_ALGORITHMS = new Set([-7, -35, -36, -47]);

const minimalPositive = (integer: Uint8Array) =>
  integer.length > 0 && integer[0] < 0x80 && !(integer.length > 1 && integer[0] === 0 && integer[1] < 0x80);

/** null when `signature` is DER, else why not. */
export function ecdsaSignatureProblem(signature: Uint8Array): string | null {
  try {
    const value = AsnParser.parse(signature, ECDSASigValue);
    const der = Buffer.from(AsnSerializer.serialize(value));
    if (!der.equals(Buffer.from(signature)))
      return "the ECDSA signature is not DER (its encoding of r and s is not the canonical one)";
    if (!minimalPositive(new Uint8Array(value.r)) || !minimalPositive(new Uint8Array(value.s)))
      return "the ECDSA signature's integers are not minimal DER";
    return null;
  } catch {
    return "the ECDSA signature is not an ASN.1 Ecdsa-Sig-Value";
  }
}

/** For an assertion by an EC2 credential key, why its signature is not DER; null for a DER one or another key type. */
export function assertionSignatureProblem(credentialPublicKey: Uint8Array, signatureBase64url: string): string | null {
  const key = decodeCredentialPublicKey(new Uint8Array(credentialPublicKey));
  return cose.isCOSEPublicKeyEC2(key) ? ecdsaSignatureProblem(Buffer.from(signatureBase64url, "base64url")) : null;
}
