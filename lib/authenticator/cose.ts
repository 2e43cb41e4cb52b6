// Credential keys, their COSE_Key encodings and their signatures, for every algorithm the FIDO2 server conformance
// tests use (Server-ServerAuthenticatorAttestationResponse-Resp-4). Key parameters: RFC 9053 §7 (EC2/OKP) and
// RFC 8230 §4 (RSA); algorithm ids: the IANA COSE Algorithms registry.
import { constants, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import type { CBORType } from "@levischuck/tiny-cbor";
import { byteString, cbor } from "./bytes";

type Ec = { kty: "EC2"; curve: "P-256" | "P-384" | "P-521"; crv: 1 | 2 | 3; hash: string };
type Okp = { kty: "OKP"; curve: "Ed25519"; crv: 6 };
type Rsa = { kty: "RSA"; hash: string; padding: "pkcs1" | "pss" };
type AlgorithmSpec = { id: number } & (Ec | Okp | Rsa);

const ALGORITHMS = {
  ES256: { id: -7, kty: "EC2", curve: "P-256", crv: 1, hash: "sha256" },
  ES384: { id: -35, kty: "EC2", curve: "P-384", crv: 2, hash: "sha384" },
  // ES512 is ECDSA on P-521 with SHA-512 (RFC 9053 §2.1).
  ES512: { id: -36, kty: "EC2", curve: "P-521", crv: 3, hash: "sha512" },
  EdDSA: { id: -8, kty: "OKP", curve: "Ed25519", crv: 6 },
  RS256: { id: -257, kty: "RSA", hash: "sha256", padding: "pkcs1" },
  RS384: { id: -258, kty: "RSA", hash: "sha384", padding: "pkcs1" },
  RS512: { id: -259, kty: "RSA", hash: "sha512", padding: "pkcs1" },
  // RS1 (RSASSA-PKCS1-v1_5 with SHA-1) is deprecated but still a mandatory FIDO conformance algorithm.
  RS1: { id: -65535, kty: "RSA", hash: "sha1", padding: "pkcs1" },
  PS256: { id: -37, kty: "RSA", hash: "sha256", padding: "pss" },
  PS384: { id: -38, kty: "RSA", hash: "sha384", padding: "pss" },
  PS512: { id: -39, kty: "RSA", hash: "sha512", padding: "pss" },
} as const satisfies Record<string, AlgorithmSpec>;

export type AlgorithmName = keyof typeof ALGORITHMS;
export const ALGORITHM_NAMES = Object.keys(ALGORITHMS) as AlgorithmName[];

/** COSE algorithm id for a name, e.g. "ES256" -> -7. */
export function coseAlgorithmId(name: AlgorithmName): number {
  return ALGORITHMS[name].id;
}

/** The name for a COSE algorithm id this authenticator supports, or undefined. */
export function algorithmName(id: number): AlgorithmName | undefined {
  return ALGORITHM_NAMES.find((name) => ALGORITHMS[name].id === id);
}

export function isEllipticCurve(name: AlgorithmName): boolean {
  return ALGORITHMS[name].kty === "EC2";
}

/** A fresh private key for the algorithm (RSA keys are 2048-bit, e = 65537). */
export function generateCredentialKey(name: AlgorithmName): KeyObject {
  const spec: AlgorithmSpec = ALGORITHMS[name];
  if (spec.kty === "EC2") return generateKeyPairSync("ec", { namedCurve: spec.curve }).privateKey;
  if (spec.kty === "OKP") return generateKeyPairSync("ed25519").privateKey;
  return generateKeyPairSync("rsa", { modulusLength: 2048, publicExponent: 0x10001 }).privateKey;
}

const fromJwk = (value: string | undefined): Uint8Array => byteString(Buffer.from(value ?? "", "base64url"));

/** The COSE_Key map (kty 1, alg 3, then the key-type parameters) for the key's public half. */
export function cosePublicKeyMap(key: KeyObject, name: AlgorithmName): Map<number, CBORType> {
  const spec: AlgorithmSpec = ALGORITHMS[name];
  const jwk = key.export({ format: "jwk" });
  // JWK coordinates are already fixed-length (e.g. 66 bytes for P-521) and n has no leading zero, as COSE wants.
  if (spec.kty === "EC2") {
    return new Map<number, CBORType>([
      [1, 2],
      [3, spec.id],
      [-1, spec.crv],
      [-2, fromJwk(jwk.x)],
      [-3, fromJwk(jwk.y)],
    ]);
  }
  if (spec.kty === "OKP")
    return new Map<number, CBORType>([
      [1, 1],
      [3, spec.id],
      [-1, spec.crv],
      [-2, fromJwk(jwk.x)],
    ]);
  return new Map<number, CBORType>([
    [1, 3],
    [3, spec.id],
    [-1, fromJwk(jwk.n)],
    [-2, fromJwk(jwk.e)],
  ]);
}

/** The CBOR-encoded COSE_Key, as it appears in attested credential data. */
export function encodeCosePublicKey(key: KeyObject, name: AlgorithmName): Buffer {
  return cbor(cosePublicKeyMap(key, name));
}

/**
 * Signs as WebAuthn expects for the algorithm: ECDSA as ASN.1 DER (WebAuthn §6.5.5), Ed25519 raw 64 bytes,
 * RSA PKCS#1 v1.5 or PSS with the salt as long as the hash (RFC 8230 §2).
 */
export function signWithAlgorithm(name: AlgorithmName, privateKey: KeyObject, data: Buffer): Buffer {
  const spec: AlgorithmSpec = ALGORITHMS[name];
  if (spec.kty === "OKP") return sign(null, data, privateKey);
  if (spec.kty === "EC2") return sign(spec.hash, data, { key: privateKey, dsaEncoding: "der" });
  if (spec.padding === "pss") {
    return sign(spec.hash, data, {
      key: privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
    });
  }
  return sign(spec.hash, data, { key: privateKey, padding: constants.RSA_PKCS1_PADDING });
}

/** A key that signs with one algorithm: what attestation statements and mutations that re-sign need. */
export type Signer = { algorithm: AlgorithmName; sign: (data: Buffer) => Buffer };

export function createSigner(algorithm: AlgorithmName, privateKey: KeyObject): Signer {
  return { algorithm, sign: (data) => signWithAlgorithm(algorithm, privateKey, data) };
}
