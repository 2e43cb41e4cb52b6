// Byte-level building blocks the authenticator writes with: CBOR, SHA-256 and big-endian integers.
import { createHash } from "node:crypto";
import { encodeCBOR, type CBORType } from "@levischuck/tiny-cbor";

/** CBOR as authenticators write it (shortest lengths; Maps keep insertion order, integer keys for COSE). */
export function cbor(value: CBORType): Buffer {
  return Buffer.from(encodeCBOR(value));
}

export function sha256(data: Buffer | string): Buffer {
  return createHash("sha256").update(data).digest();
}

export function uint16(value: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(value);
  return bytes;
}

export function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}

/** A plain Uint8Array copy for CBOR byte strings, detached from Buffer's shared memory pool. */
export function byteString(data: Buffer): Uint8Array {
  return new Uint8Array(data);
}
