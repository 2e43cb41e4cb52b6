import { createDecipheriv, hkdfSync, randomBytes as nodeRandomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NOTE_IV_BYTES, NOTE_KEY_INFO, NOTE_MAX_BYTES, openNoteText, sealNoteText } from "./note-crypto";

const prfOutput = () => new Uint8Array(nodeRandomBytes(32));

describe("the note's cryptography (WebCrypto in Node)", () => {
  it("opens what it sealed, with the same PRF output, text of any script", async () => {
    const secret = prfOutput();
    const text = "Locker code 4711 — ключ — 鍵 🔑\nsecond line";
    const sealed = await sealNoteText(secret, text);
    expect(sealed.iv.byteLength).toBe(NOTE_IV_BYTES);
    expect(sealed.ciphertext.byteLength).toBe(new TextEncoder().encode(text).byteLength + 16);
    expect(Buffer.from(sealed.ciphertext).includes(Buffer.from("Locker"))).toBe(false);
    expect(await openNoteText(secret, sealed)).toBe(text);
  });

  it("is HKDF-SHA-256 with the note's info label and an empty salt, then AES-256-GCM: Node's own crypto opens it", async () => {
    const secret = prfOutput();
    const sealed = await sealNoteText(secret, "checked independently");
    const key = Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), NOTE_KEY_INFO, 32));
    const body = sealed.ciphertext.subarray(0, -16);
    const decipher = createDecipheriv("aes-256-gcm", key, sealed.iv);
    decipher.setAuthTag(sealed.ciphertext.subarray(-16));
    expect(Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8")).toBe("checked independently");
  });

  it("does not open with another passkey's PRF output, or once a byte of the ciphertext or IV changed", async () => {
    const secret = prfOutput();
    const sealed = await sealNoteText(secret, "only mine");
    expect(await openNoteText(prfOutput(), sealed)).toBeNull();
    const flipped = new Uint8Array(sealed.ciphertext);
    flipped[0] ^= 1;
    expect(await openNoteText(secret, { ...sealed, ciphertext: flipped })).toBeNull();
    const otherIv = new Uint8Array(sealed.iv);
    otherIv[0] ^= 1;
    expect(await openNoteText(secret, { ...sealed, iv: otherIv })).toBeNull();
  });

  it("uses a fresh IV every time, so the same text sealed twice looks different", async () => {
    const secret = prfOutput();
    const [first, second] = [await sealNoteText(secret, "same"), await sealNoteText(secret, "same")];
    expect(Buffer.from(first.iv).equals(Buffer.from(second.iv))).toBe(false);
    expect(Buffer.from(first.ciphertext).equals(Buffer.from(second.ciphertext))).toBe(false);
  });

  it("refuses an empty note and one over the limit, in bytes (not characters)", async () => {
    const secret = prfOutput();
    await expect(sealNoteText(secret, "")).rejects.toThrow(RangeError);
    expect(await openNoteText(secret, await sealNoteText(secret, "a".repeat(NOTE_MAX_BYTES)))).toHaveLength(
      NOTE_MAX_BYTES,
    );
    await expect(sealNoteText(secret, "a".repeat(NOTE_MAX_BYTES + 1))).rejects.toThrow(RangeError);
    // 501 four-byte characters: 2004 bytes.
    await expect(sealNoteText(secret, "🔑".repeat(501))).rejects.toThrow(/not 2004/);
  });
});
