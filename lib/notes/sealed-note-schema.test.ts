import { describe, expect, it } from "vitest";
import { NOTE_MAX_BYTES } from "./note-crypto";
import { sealedNoteSchema } from "./sealed-note-schema";

const b64 = (length: number) => Buffer.alloc(length, 7).toString("base64url");
const valid = { salt: b64(32), iv: b64(12), ciphertext: b64(40) };
const firstMessage = (input: unknown) => {
  const parsed = sealedNoteSchema.safeParse(input);
  return parsed.success ? null : parsed.error.issues[0]?.message;
};

describe("a sealed note as the browser sends it", () => {
  it("parses to bytes", () => {
    const parsed = sealedNoteSchema.parse(valid);
    expect(parsed.salt.byteLength).toBe(32);
    expect(parsed.iv.byteLength).toBe(12);
    expect(parsed.ciphertext.byteLength).toBe(40);
  });

  it("takes a ciphertext of one byte of text up to the limit, each with the 16-byte tag", () => {
    expect(firstMessage({ ...valid, ciphertext: b64(17) })).toBeNull();
    expect(firstMessage({ ...valid, ciphertext: b64(NOTE_MAX_BYTES + 16) })).toBeNull();
    expect(firstMessage({ ...valid, ciphertext: b64(16) })).toBe("The note must be 17 to 2016 bytes, not 16.");
    expect(firstMessage({ ...valid, ciphertext: b64(NOTE_MAX_BYTES + 17) })).toBe("The note is too long.");
  });

  it("refuses a salt or IV of any other length", () => {
    expect(firstMessage({ ...valid, salt: b64(31) })).toBe("The salt must be 32 bytes, not 31.");
    expect(firstMessage({ ...valid, iv: b64(11) })).toBe("The IV must be 12 bytes, not 11.");
    expect(firstMessage({ ...valid, iv: b64(16) })).toBe("The IV is too long.");
    expect(firstMessage({ ...valid, iv: "" })).toBe("The IV must be 12 bytes, not 0.");
  });

  it("refuses what is not canonical base64url, other types, missing and extra fields", () => {
    expect(firstMessage({ ...valid, salt: `${b64(32).slice(0, -1)}+` })).toBe("The salt must be base64url.");
    // 32 bytes are 43 characters with 2 bits to spare: setting one spells the same bytes a second way.
    const salt = b64(32);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const secondSpelling = salt.slice(0, -1) + alphabet[alphabet.indexOf(salt.at(-1)!) + 1];
    expect(Buffer.from(secondSpelling, "base64url").equals(Buffer.from(salt, "base64url"))).toBe(true);
    expect(firstMessage({ ...valid, salt: secondSpelling })).toBe("The salt is not canonical base64url.");
    expect(firstMessage({ ...valid, iv: 12 })).toBe("The IV must be a base64url string.");
    expect(firstMessage({ salt: valid.salt, iv: valid.iv })).toBe("The note must be a base64url string.");
    expect(firstMessage({ ...valid, key: b64(32) })).toMatch(/key/);
    expect(firstMessage("a string")).not.toBeNull();
    expect(firstMessage(null)).not.toBeNull();
  });
});
