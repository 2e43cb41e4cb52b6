// What the browser sends to store a note: three base64url byte strings whose lengths are fixed by the cryptography
// (note-crypto.ts). Anything else is `input:invalid` before a row is touched.
import { z } from "zod";
import { GCM_TAG_BYTES, NOTE_IV_BYTES, NOTE_MAX_BYTES, NOTE_SALT_BYTES } from "./note-crypto";

/** Canonical unpadded base64url of `min`..`max` bytes, decoded to a Buffer. */
function bytes(name: string, min: number, max = min) {
  const maxChars = Math.ceil((max * 4) / 3);
  return z
    .string({ message: `${name} must be a base64url string.` })
    .max(maxChars, `${name} is too long.`)
    .regex(/^[A-Za-z0-9_-]*$/, `${name} must be base64url.`)
    .transform((value, context) => {
      const decoded = Buffer.from(value, "base64url");
      // Non-canonical forms (a stray last character) decode too; refusing them keeps one spelling per value.
      if (decoded.toString("base64url") !== value) {
        context.addIssue({ code: "custom", message: `${name} is not canonical base64url.` });
        return z.NEVER;
      }
      if (decoded.byteLength < min || decoded.byteLength > max) {
        const size = min === max ? `${min}` : `${min} to ${max}`;
        context.addIssue({ code: "custom", message: `${name} must be ${size} bytes, not ${decoded.byteLength}.` });
        return z.NEVER;
      }
      return decoded;
    });
}

export const sealedNoteSchema = z.strictObject({
  salt: bytes("The salt", NOTE_SALT_BYTES),
  iv: bytes("The IV", NOTE_IV_BYTES),
  // At least one byte of text, at most the limit, each with GCM's tag.
  ciphertext: bytes("The note", 1 + GCM_TAG_BYTES, NOTE_MAX_BYTES + GCM_TAG_BYTES),
});

export type SealedNoteInput = z.infer<typeof sealedNoteSchema>;
