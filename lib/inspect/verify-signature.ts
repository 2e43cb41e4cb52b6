// Signature checks. SimpleWebAuthn's verifySignature helper does the work; node:crypto steps in where that helper
// cannot: Ed448 (COSE -53, or EdDSA on curve 7), which SimpleWebAuthn 14 does not implement but WebAuthn allows.
import { constants, verify, type KeyObject } from "node:crypto";
import { verifySignature } from "@simplewebauthn/server/helpers";
import { ECDSA_ALGORITHMS, ecdsaSignatureProblem } from "@/lib/webauthn/ecdsa-signature";
import { coseKeyToKeyObject, type CoseKey } from "./decode-cose-key";

/** SimpleWebAuthn wants bytes over a plain ArrayBuffer. */
const copy = (bytes: Uint8Array) => new Uint8Array(bytes);

export type SignatureCheck = { ok: boolean; by: string; problem?: string };

const HASH_FOR_ALG: Record<number, string> = {
  [-7]: "sha256",
  [-35]: "sha384",
  [-36]: "sha512",
  [-47]: "sha256",
  [-9]: "sha256",
  [-51]: "sha384",
  [-52]: "sha512",
  [-257]: "sha256",
  [-258]: "sha384",
  [-259]: "sha512",
  [-65535]: "sha1",
  [-37]: "sha256",
  [-38]: "sha384",
  [-39]: "sha512",
};
const PSS = new Set([-37, -38, -39]);

export const isEd448Key = (key: CoseKey) => key.get(1) === 1 && key.get(-1) === 7;

/** node:crypto verification for a COSE algorithm id (EdDSA hashes internally; ECDSA signatures are DER as WebAuthn sends them). */
export function verifyWithKeyObject(key: KeyObject, alg: number, data: Uint8Array, signature: Uint8Array): boolean {
  if (key.asymmetricKeyType === "ed25519" || key.asymmetricKeyType === "ed448")
    return verify(null, data, key, signature);
  const hash = HASH_FOR_ALG[alg];
  if (!hash) throw new Error(`COSE algorithm ${alg} is not supported here`);
  if (key.asymmetricKeyType === "ec") return verify(hash, data, { key, dsaEncoding: "der" }, signature);
  if (PSS.has(alg))
    return verify(
      hash,
      data,
      { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 + 16 * [-37, -38, -39].indexOf(alg) },
      signature,
    );
  return verify(hash, data, key, signature);
}

/** A signature by a credential key (assertions, packed self attestation). */
export async function verifyWithCoseKey(
  key: CoseKey,
  keyBytes: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<SignatureCheck> {
  // An EC2 key's signature is DER, which SimpleWebAuthn's parser does not insist on (lib/webauthn/ecdsa-signature.ts).
  const encoding = key.get(1) === 2 ? ecdsaSignatureProblem(signature) : null;
  if (encoding) return { ok: false, by: "DER check (WebAuthn L3 §6.5.5)", problem: encoding };
  if (isEd448Key(key)) {
    const keyObject = coseKeyToKeyObject(key);
    if (!keyObject.ok) return { ok: false, by: "node:crypto", problem: keyObject.problem };
    return {
      ok: verify(null, data, keyObject.key, signature),
      by: "node:crypto Ed448 (SimpleWebAuthn 14 does not implement Ed448)",
    };
  }
  try {
    return {
      ok: await verifySignature({ signature: copy(signature), data: copy(data), credentialPublicKey: copy(keyBytes) }),
      by: "SimpleWebAuthn verifySignature",
    };
  } catch (error) {
    return { ok: false, by: "SimpleWebAuthn verifySignature", problem: (error as Error).message };
  }
}

/** A signature by an attestation certificate's key with the statement's alg. */
export async function verifyWithCertificate(
  der: Uint8Array,
  publicKey: KeyObject,
  alg: number,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<SignatureCheck> {
  const encoding = ECDSA_ALGORITHMS.has(alg) ? ecdsaSignatureProblem(signature) : null;
  if (encoding) return { ok: false, by: "DER check (WebAuthn L3 §6.5.5)", problem: encoding };
  try {
    return {
      ok: await verifySignature({
        signature: copy(signature),
        data: copy(data),
        x509Certificate: copy(der),
        hashAlgorithm: alg,
      }),
      by: "SimpleWebAuthn verifySignature",
    };
  } catch (error) {
    // e.g. an Ed448 attestation key: node:crypto judges it instead.
    try {
      return {
        ok: verifyWithKeyObject(publicKey, alg, data, signature),
        by: `node:crypto (SimpleWebAuthn could not: ${(error as Error).message})`,
      };
    } catch (inner) {
      return { ok: false, by: "node:crypto", problem: (inner as Error).message };
    }
  }
}
