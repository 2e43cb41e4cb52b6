// CBOR from strangers. Before @levischuck/tiny-cbor (recursive, and trusting declared lengths) sees the bytes, one
// iterative pass checks they are one well-formed item within caps: bounded nesting, bounded item count, and every
// declared length backed by bytes that are really there (security bar B21: CBOR bombs are refused fast).
import { decodePartialCBOR, type CBORType } from "@levischuck/tiny-cbor";

export const CBOR_LIMITS = { maxDepth: 16, maxItems: 20_000 } as const;

export class CborError extends Error {}

/** The offset just after the CBOR item starting at `start`; throws CborError when it is malformed or over a cap. */
export function scanCbor(data: Uint8Array, start = 0, limits = CBOR_LIMITS): number {
  let pos = start;
  let items = 0;
  const remaining: number[] = [1];
  while (remaining.length > 0) {
    if (remaining[remaining.length - 1] === 0) {
      remaining.pop();
      continue;
    }
    remaining[remaining.length - 1] -= 1;
    if (++items > limits.maxItems) throw new CborError(`CBOR holds more than ${limits.maxItems} items`);
    if (pos >= data.length) throw new CborError("CBOR ends in the middle of an item");
    const initial = data[pos++];
    const major = initial >> 5;
    const info = initial & 0x1f;
    let argument = info;
    if (info >= 24 && info <= 27) {
      const size = 1 << (info - 24);
      if (pos + size > data.length) throw new CborError("CBOR ends in the middle of a length");
      argument = 0;
      for (let i = 0; i < size; i++) argument = argument * 256 + data[pos + i];
      pos += size;
    } else if (info > 27) {
      throw new CborError(
        "CBOR uses an indefinite length or a reserved value (not allowed in WebAuthn's CTAP2 encoding)",
      );
    }
    if (major === 2 || major === 3) {
      if (argument > data.length - pos)
        throw new CborError(`a CBOR string declares ${argument} bytes but only ${data.length - pos} remain`);
      pos += argument;
    } else if (major === 4 || major === 5) {
      const count = major === 5 ? argument * 2 : argument;
      if (count > data.length - pos)
        throw new CborError(
          `a CBOR ${major === 5 ? "map" : "array"} declares ${argument} entries but only ${data.length - pos} bytes remain`,
        );
      if (count > 0) {
        if (remaining.length >= limits.maxDepth)
          throw new CborError(`CBOR is nested deeper than ${limits.maxDepth} levels`);
        remaining.push(count);
      }
    } else if (major === 6) {
      if (remaining.length >= limits.maxDepth)
        throw new CborError(`CBOR is nested deeper than ${limits.maxDepth} levels`);
      remaining.push(1);
    }
  }
  return pos;
}

/** One CBOR item at `start`, checked first, and where it ends. */
export function decodeCborItem(data: Uint8Array, start = 0): { value: CBORType; end: number } {
  const end = scanCbor(data, start);
  try {
    const [value] = decodePartialCBOR(new Uint8Array(data), start);
    return { value, end };
  } catch (error) {
    throw new CborError(`CBOR is not well formed: ${(error as Error).message}`);
  }
}
