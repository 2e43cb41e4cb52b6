// The credential public key a person pastes for an assertion, in either form they are likely to have: the COSE_Key
// stored from the registration's authenticator data (WebAuthn L3 §6.5.1), or the SubjectPublicKeyInfo that the
// browser's toJSON() gives as response.publicKey (§5.2.1.1 getPublicKey()). Base64url, base64 or PEM. An SPKI key
// is turned into the COSE_Key the signature step and SimpleWebAuthn use; SPKI names no signature algorithm, so an EC
// key takes its curve's ECDSA (RFC 9053 §2.1), an Ed25519/Ed448 key EdDSA, and an RSA key RS256 unless the options'
// pubKeyCredParams offered exactly one RSA algorithm.
import { createPublicKey } from "node:crypto";
import { encodeCBOR, type CBORType } from "@levischuck/tiny-cbor";
import { decodeCborItem } from "./safe-cbor";
import type { CoseKey } from "./decode-cose-key";

export type CredentialPublicKey = { format: "COSE" | "SPKI"; key: CoseKey; bytes: Buffer; assumedAlg?: string };

type Read = { ok: true; data: CredentialPublicKey } | { ok: false; problem: string };

const EC_CURVES: Record<string, { crv: number; alg: number; name: string }> = {
  "P-256": { crv: 1, alg: -7, name: "ES256" },
  "P-384": { crv: 2, alg: -35, name: "ES384" },
  "P-521": { crv: 3, alg: -36, name: "ES512" },
};
const RSA_ALGS: Record<number, string> = {
  [-257]: "RS256",
  [-258]: "RS384",
  [-259]: "RS512",
  [-37]: "PS256",
  [-38]: "PS384",
  [-39]: "PS512",
  [-65535]: "RS1",
};

/** The bytes of a base64url, base64 or PEM text, or null. */
function bytesOf(text: string): Buffer | null {
  const body = text
    .replace(/-----(BEGIN|END) PUBLIC KEY-----/g, "")
    .replace(/\s+/g, "")
    .replace(/={1,2}$/, "");
  if (!/^[A-Za-z0-9_+/-]*$/.test(body) || body.length % 4 === 1 || body.length === 0) return null;
  return Buffer.from(body.replace(/\+/g, "-").replace(/\//g, "_"), "base64url");
}

export function readCredentialPublicKey(text: string, offeredAlgorithms?: number[]): Read {
  const bytes = bytesOf(text);
  if (!bytes) return { ok: false, problem: "the credential public key is not base64url, base64 or PEM" };
  // A DER SEQUENCE (0x30) is SPKI; a COSE_Key is a CBOR map (0xa0–0xbf).
  if (bytes[0] === 0x30) return fromSpki(bytes, offeredAlgorithms);
  try {
    const { value, end } = decodeCborItem(bytes);
    if (value instanceof Map && end === bytes.length)
      return { ok: true, data: { format: "COSE", key: value as CoseKey, bytes } };
  } catch {
    // Neither form: said below.
  }
  return {
    ok: false,
    problem:
      "the credential public key is neither a COSE_Key (the registration's authenticator data) nor SPKI (toJSON()'s response.publicKey)",
  };
}

function fromSpki(der: Buffer, offeredAlgorithms?: number[]): Read {
  let jwk: JsonWebKey;
  let type: string | undefined;
  try {
    const key = createPublicKey({ key: der, format: "der", type: "spki" });
    type = key.asymmetricKeyType;
    jwk = key.export({ format: "jwk" });
  } catch (error) {
    return { ok: false, problem: `the credential public key looks like SPKI but is not: ${(error as Error).message}` };
  }
  const b = (value: string | undefined) => new Uint8Array(Buffer.from(value ?? "", "base64url"));
  const cose = new Map<number, CBORType>();
  let assumedAlg: string;
  if (type === "ec" && jwk.crv && EC_CURVES[jwk.crv]) {
    const curve = EC_CURVES[jwk.crv];
    cose.set(1, 2).set(3, curve.alg).set(-1, curve.crv).set(-2, b(jwk.x)).set(-3, b(jwk.y));
    assumedAlg = curve.name;
  } else if (type === "ed25519" || type === "ed448") {
    cose
      .set(1, 1)
      .set(3, -8)
      .set(-1, type === "ed25519" ? 6 : 7)
      .set(-2, b(jwk.x));
    assumedAlg = "EdDSA";
  } else if (type === "rsa") {
    const offered = (offeredAlgorithms ?? []).filter((alg) => RSA_ALGS[alg]);
    const alg = offered.length === 1 ? offered[0] : -257;
    cose.set(1, 3).set(3, alg).set(-1, b(jwk.n)).set(-2, b(jwk.e));
    assumedAlg = RSA_ALGS[alg];
  } else {
    return { ok: false, problem: `an SPKI key of type ${type ?? "unknown"} is not one WebAuthn uses` };
  }
  return {
    ok: true,
    data: { format: "SPKI", key: cose as CoseKey, bytes: Buffer.from(encodeCBOR(cose)), assumedAlg },
  };
}
