// The note's cryptography, the same code in the browser and in Node (WebCrypto in both): a key derived from a passkey's
// PRF output with HKDF-SHA-256, then AES-256-GCM. Only the browser ever runs it on a real PRF output; the server never
// sees one (docs/decisions/024).

/** HKDF's `info` (RFC 5869 §3.2): names what the key is for, so this PRF output can be a key for nothing else. */
export const NOTE_KEY_INFO = "Passkey Lab note v1: AES-256-GCM key from a passkey's PRF output";
/** The PRF evaluation input is chosen per sealing; 32 bytes like the PRF output itself (WebAuthn L3 §10.1.4). */
export const NOTE_SALT_BYTES = 32;
/** AES-GCM's recommended nonce length (NIST SP 800-38D §8.2); a fresh random one for every sealing. */
export const NOTE_IV_BYTES = 12;
export const GCM_TAG_BYTES = 16;
/** The longest note, in UTF-8 bytes: a note, not a file; keeps every account's row small. */
export const NOTE_MAX_BYTES = 2000;

export type SealedNote = { iv: Uint8Array<ArrayBuffer>; ciphertext: Uint8Array<ArrayBuffer> };

const encoder = new TextEncoder();

export function noteByteLength(text: string): number {
  return encoder.encode(text).byteLength;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/**
 * The AES key from a PRF output. The output is already a uniformly random 32 bytes per passkey and salt, so HKDF adds
 * domain separation (the `info` label) rather than strength; its salt is empty (RFC 5869 §2.2: zeros).
 */
async function deriveNoteKey(prfOutput: BufferSource): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey("raw", prfOutput, "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: encoder.encode(NOTE_KEY_INFO) },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

/** Encrypts `text` under the key from `prfOutput`, with a fresh random IV. The text must be 1..NOTE_MAX_BYTES bytes. */
export async function sealNoteText(prfOutput: BufferSource, text: string): Promise<SealedNote> {
  const plaintext = encoder.encode(text);
  if (plaintext.byteLength === 0 || plaintext.byteLength > NOTE_MAX_BYTES) {
    throw new RangeError(`a note is 1 to ${NOTE_MAX_BYTES} bytes of UTF-8, not ${plaintext.byteLength}`);
  }
  const iv = randomBytes(NOTE_IV_BYTES);
  const key = await deriveNoteKey(prfOutput);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, plaintext));
  return { iv, ciphertext };
}

/**
 * Decrypts a sealed note, or answers null when it does not open: another passkey's (or salt's) PRF output, or a
 * ciphertext that was changed (the GCM tag fails).
 */
export async function openNoteText(prfOutput: BufferSource, sealed: SealedNote): Promise<string | null> {
  const key = await deriveNoteKey(prfOutput);
  try {
    const plaintext = await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv }, key, sealed.ciphertext);
    return new TextDecoder("utf-8", { fatal: true }).decode(plaintext);
  } catch {
    return null;
  }
}
