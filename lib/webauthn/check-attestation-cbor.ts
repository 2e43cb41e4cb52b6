// CBOR bombs are stopped before a decoder sees them (security bar B20, B21). The CBOR decoder behind SimpleWebAuthn
// recurses once per nesting level and trusts declared lengths: 100 000 nested arrays exhaust the stack, and a byte
// string declaring 2^53 bytes is cut short without a word, so an attestation object whose authData lies about its
// length was accepted. This is one linear pass over the bytes, without recursion, its memory bounded by the depth limit.
import { decodeCBOR } from "@levischuck/tiny-cbor";

/** Real attestation objects nest 3 deep (map → attStmt → x5c); COSE keys and extension maps 1 or 2. */
export const MAX_CBOR_DEPTH = 16;

const FLAG_AT = 0x40;
const FLAG_ED = 0x80;

/**
 * Where the CBOR data item at `start` ends, or why it is refused. RFC 8949 §10 (resource exhaustion) and Appendix F
 * (an item that declares more than the input holds is not well-formed); CTAP 2.1 §8 canonical form has no
 * indefinite lengths.
 */
function endOfItem(bytes: Uint8Array, start: number): number | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const enclosing: number[] = []; // items still to read in each open container
  let pending = 1;
  let offset = start;
  for (;;) {
    if (pending === 0) {
      if (enclosing.length === 0) return offset;
      pending = enclosing.pop()!;
      continue;
    }
    if (offset >= bytes.length) return `ends in the middle of a data item (byte ${offset})`;
    const at = offset;
    const major = bytes[offset] >> 5;
    const info = bytes[offset] & 0x1f;
    offset += 1;
    pending -= 1;
    if (info === 31) return `uses an indefinite length or a stray break (byte ${at})`;
    if (info >= 28) return `uses reserved additional information ${info} (byte ${at})`;
    let argument = info;
    if (info >= 24) {
      const size = 2 ** (info - 24);
      if (offset + size > bytes.length) return `ends in the middle of a data item (byte ${at})`;
      if (info === 24) argument = view.getUint8(offset);
      else if (info === 25) argument = view.getUint16(offset);
      else if (info === 26) argument = view.getUint32(offset);
      else argument = view.getUint32(offset) * 2 ** 32 + view.getUint32(offset + 4);
      offset += size;
    }
    const left = bytes.length - offset;
    if (major === 2 || major === 3) {
      if (argument > left) return `declares a string of ${argument} bytes where ${left} are left (byte ${at})`;
      offset += argument;
    } else if (major === 4 || major === 5 || major === 6) {
      // An array of n or a map of n pairs needs at least n or 2n more bytes; a tag wraps one item.
      const items = major === 5 ? argument * 2 : major === 6 ? 1 : argument;
      if (items > left) return `declares ${items} items where ${left} bytes are left (byte ${at})`;
      if (items === 0) continue;
      if (enclosing.length >= MAX_CBOR_DEPTH) return `nests deeper than ${MAX_CBOR_DEPTH} levels (byte ${at})`;
      enclosing.push(pending);
      pending = items;
    }
    // Majors 0, 1 and 7 (integers, simple values, floats) end with their argument.
  }
}

/** The CBOR that authData carries: the credential public key (AT) and extension outputs (ED), WebAuthn L3 §6.1. */
function authDataProblem(authData: Uint8Array): string | null {
  const flags = authData[32] ?? 0;
  let offset = 37;
  if (flags & FLAG_AT) {
    if (authData.length < 55) return null; // too short: SimpleWebAuthn refuses it with its own words
    offset = 55 + ((authData[53] << 8) | authData[54]);
  }
  for (const [flag, what] of [
    [FLAG_AT, "credential public key"],
    [FLAG_ED, "extensions"],
  ] as const) {
    if (!(flags & flag) || offset >= authData.length) continue;
    const end = endOfItem(authData, offset);
    if (typeof end === "string") return `authData ${what} ${end}`;
    offset = end;
  }
  return null; // bytes left over after these are SimpleWebAuthn's to refuse
}

/** null when the attestation object is safe to decode, else why it is refused. */
export function checkAttestationCbor(attestationObject: Uint8Array): string | null {
  const end = endOfItem(attestationObject, 0);
  if (typeof end === "string") return `attestationObject ${end}`;
  // Policy: reject (security bar B20; lib/fido-server/check-attestation-object.ts says why), for the portal too.
  if (end !== attestationObject.length)
    return `attestationObject has ${attestationObject.length - end} bytes after its CBOR map`;
  let decoded;
  try {
    decoded = decodeCBOR(new Uint8Array(attestationObject)); // a plain copy: tiny-cbor refuses subclasses such as Buffer
  } catch {
    return null; // well-formed but not what the decoder supports: the verifier says what exactly
  }
  const authData = decoded instanceof Map ? decoded.get("authData") : undefined;
  return authData instanceof Uint8Array ? authDataProblem(authData) : null;
}
