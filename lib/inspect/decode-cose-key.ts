// A credential public key (COSE_Key, RFC 9052 §7) described for people and turned into a node:crypto key.
// Parameter labels: RFC 9053 §7 (EC2, OKP) and RFC 8230 §4 (RSA); names from the IANA COSE registries.
import { createPublicKey, type KeyObject } from "node:crypto";
import type { CBORType } from "@levischuck/tiny-cbor";
import { toBase64url } from "./base64url";

export const COSE_ALGORITHMS: Record<number, string> = {
  [-7]: "ES256",
  [-35]: "ES384",
  [-36]: "ES512",
  [-47]: "ES256K",
  [-8]: "EdDSA",
  [-19]: "Ed25519",
  [-53]: "Ed448",
  [-9]: "ESP256",
  [-51]: "ESP384",
  [-52]: "ESP512",
  [-257]: "RS256",
  [-258]: "RS384",
  [-259]: "RS512",
  [-65535]: "RS1",
  [-37]: "PS256",
  [-38]: "PS384",
  [-39]: "PS512",
  [-48]: "ML-DSA-44",
  [-49]: "ML-DSA-65",
  [-50]: "ML-DSA-87",
};
const KEY_TYPES: Record<number, string> = { 1: "OKP", 2: "EC2", 3: "RSA", 7: "AKP" };
const CURVES: Record<number, string> = {
  1: "P-256",
  2: "P-384",
  3: "P-521",
  4: "X25519",
  5: "X448",
  6: "Ed25519",
  7: "Ed448",
  8: "secp256k1",
};

export type CoseKey = Map<number | string, CBORType>;

export type DescribedCoseKey = {
  kty: string;
  alg: string;
  algId?: number;
  crv?: string;
  parameters: Record<string, string>;
};

const named = (table: Record<number, string>, value: CBORType) =>
  typeof value === "number"
    ? table[value]
      ? `${table[value]} (${value})`
      : `unknown (${value})`
    : `missing or not a number`;

const bytesParam = (value: CBORType) => (value instanceof Uint8Array ? toBase64url(value) : undefined);

export function describeCoseKey(key: CoseKey): DescribedCoseKey {
  const kty = key.get(1);
  const parameters: Record<string, string> = {};
  const put = (name: string, label: number) => {
    const value = bytesParam(key.get(label) ?? null);
    if (value !== undefined) parameters[name] = value;
  };
  if (kty === 2) {
    put("x", -2);
    put("y", -3);
  }
  if (kty === 1) put("x", -2);
  if (kty === 3) {
    put("n", -1);
    put("e", -2);
  }
  if (kty === 7) put("pub", -1);
  const alg = key.get(3);
  return {
    kty: named(KEY_TYPES, kty ?? null),
    alg: named(COSE_ALGORITHMS, alg ?? null),
    algId: typeof alg === "number" ? alg : undefined,
    crv: kty === 1 || kty === 2 ? named(CURVES, key.get(-1) ?? null) : undefined,
    parameters,
  };
}

const JWK_CURVES: Record<number, string> = {
  1: "P-256",
  2: "P-384",
  3: "P-521",
  8: "secp256k1",
  6: "Ed25519",
  7: "Ed448",
};

/** The key as node:crypto sees it, or a reason it cannot be one. */
export function coseKeyToKeyObject(key: CoseKey): { ok: true; key: KeyObject } | { ok: false; problem: string } {
  const b64 = (label: number) => {
    const value = key.get(label);
    return value instanceof Uint8Array ? toBase64url(value) : undefined;
  };
  const kty = key.get(1);
  const crv = key.get(-1);
  let jwk: Record<string, string | undefined>;
  if (kty === 2 && typeof crv === "number" && JWK_CURVES[crv] && crv <= 8)
    jwk = { kty: "EC", crv: JWK_CURVES[crv], x: b64(-2), y: b64(-3) };
  else if (kty === 1 && (crv === 6 || crv === 7)) jwk = { kty: "OKP", crv: JWK_CURVES[crv], x: b64(-2) };
  else if (kty === 3) jwk = { kty: "RSA", n: b64(-1), e: b64(-2) };
  else return { ok: false, problem: `key type ${String(kty)} / curve ${String(crv)} is not one the inspector can use` };
  if (Object.values(jwk).some((part) => part === undefined))
    return { ok: false, problem: "the COSE key lacks a required parameter" };
  try {
    return { ok: true, key: createPublicKey({ key: jwk as import("node:crypto").JsonWebKey, format: "jwk" }) };
  } catch (error) {
    return { ok: false, problem: `the COSE key is not a valid public key: ${(error as Error).message}` };
  }
}
