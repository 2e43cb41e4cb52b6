// Just enough decoding of what the authenticator produced to change it and sign it again. Written apart from
// lib/webauthn on purpose; it trusts its input (mutations start from valid responses).
import { decodeCBOR, decodePartialCBOR, type CBORType } from "@levischuck/tiny-cbor";
import { byteString, cbor } from "../bytes";
import { fidoU2fSignatureBase } from "../attestation/fido-u2f";
import type { Signer } from "../cose";

export type CborMap = Map<string | number, CBORType>;

/** Offsets in authenticator data (WebAuthn L3 §6.1, §6.5.2). */
export const AUTH_DATA = {
  rpIdHash: 0,
  flags: 32,
  signCount: 33,
  aaguid: 37,
  credentialIdLength: 53,
  credentialId: 55,
} as const;

export function decodeAttestationObject(base64url: string): CborMap {
  const decoded = decodeCBOR(byteString(Buffer.from(base64url, "base64url")));
  if (!(decoded instanceof Map)) throw new Error("mutations start from a valid attestation object (a CBOR map)");
  return decoded;
}

export function encodeCborBase64url(value: CBORType, trailing: Buffer = Buffer.alloc(0)): string {
  return Buffer.concat([cbor(value), trailing]).toString("base64url");
}

/** The authData byte string of a decoded attestation object. */
export function authDataOf(attestationObject: CborMap): Buffer {
  const authData = attestationObject.get("authData");
  if (!(authData instanceof Uint8Array))
    throw new Error("mutations start from a valid attestation object (authData bytes)");
  return Buffer.from(authData);
}

export function attStmtOf(attestationObject: CborMap): CborMap {
  const attStmt = attestationObject.get("attStmt");
  if (!(attStmt instanceof Map)) throw new Error("mutations start from a valid attestation object (attStmt map)");
  return attStmt;
}

/** A copy of the map with `key` set, or removed when `value` is undefined. */
export function withEntry(map: CborMap, key: string, value: CBORType | undefined): CborMap {
  const copy: CborMap = new Map(map);
  if (value === undefined) copy.delete(key);
  else copy.set(key, value);
  return copy;
}

/** A copy of authenticator data with flag bits set and cleared. */
export function withFlags(authData: Buffer, set: number, clear = 0): Buffer {
  const copy = Buffer.from(authData);
  copy[AUTH_DATA.flags] = (copy[AUTH_DATA.flags] | set) & ~clear & 0xff;
  return copy;
}

export function withSignCount(authData: Buffer, signCount: number): Buffer {
  const copy = Buffer.from(authData);
  copy.writeUInt32BE(signCount, AUTH_DATA.signCount);
  return copy;
}

export function signCountOf(authData: Buffer): number {
  return authData.readUInt32BE(AUTH_DATA.signCount);
}

/** credentialId and the uncompressed EC point from attested credential data (for the U2F signature base). */
function u2fKeyMaterial(authData: Buffer): { credentialId: Buffer; point: Buffer } | undefined {
  if (authData.length <= AUTH_DATA.credentialId) return undefined;
  const idLength = authData.readUInt16BE(AUTH_DATA.credentialIdLength);
  const keyStart = AUTH_DATA.credentialId + idLength;
  if (authData.length <= keyStart) return undefined;
  const [coseKey] = decodePartialCBOR(byteString(authData), keyStart);
  if (!(coseKey instanceof Map)) return undefined;
  const x = coseKey.get(-2);
  const y = coseKey.get(-3);
  if (!(x instanceof Uint8Array) || !(y instanceof Uint8Array)) return undefined;
  const point = Buffer.concat([Buffer.from([0x04]), x, y]);
  return { credentialId: authData.subarray(AUTH_DATA.credentialId, keyStart), point };
}

/**
 * Signs the attestation statement again over the (changed) authData and clientDataHash, so the only fault left is
 * the one the mutation made. Formats without a signature (none, apple) are returned unchanged.
 */
export function resignAttestation(
  attestationObject: CborMap,
  clientDataHash: Buffer,
  signer: Signer | undefined,
): CborMap {
  const fmt = attestationObject.get("fmt");
  if (!signer) return attestationObject;
  const authData = authDataOf(attestationObject);
  let base: Buffer | undefined;
  if (fmt === "packed") base = Buffer.concat([authData, clientDataHash]);
  if (fmt === "fido-u2f") {
    const material = u2fKeyMaterial(authData);
    const rpIdHash = authData.subarray(AUTH_DATA.rpIdHash, AUTH_DATA.flags);
    if (material) base = fidoU2fSignatureBase(rpIdHash, clientDataHash, material.credentialId, material.point);
  }
  if (!base) return attestationObject;
  const attStmt = withEntry(attStmtOf(attestationObject), "sig", byteString(signer.sign(base)));
  return withEntry(attestationObject, "attStmt", attStmt);
}

/** A copy of a signature (or any bytes) with its last byte flipped. */
/** The same bytes with the first (an ECDSA signature's DER SEQUENCE tag) replaced: same r and s, no longer DER. */
export function withDerSequenceTag(signature: Buffer, tag: number): Buffer {
  const copy = Buffer.from(signature);
  copy[0] = tag;
  return copy;
}

export function flipLastByte(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy[copy.length - 1] ^= 0x01;
  return copy;
}
