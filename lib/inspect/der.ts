// A minimal DER reader (X.690 §8.1) for the two small structures WebAuthn formats put in certificate extensions:
// Android's KeyDescription and Apple's nonce. Definite lengths only, as DER requires.
export type Tlv = { tag: number; content: Buffer; end: number };

export function readTlv(data: Buffer, start = 0): Tlv {
  if (start + 2 > data.length) throw new Error("DER ends early");
  const tag = data[start];
  let length = data[start + 1];
  let pos = start + 2;
  if (length & 0x80) {
    const size = length & 0x7f;
    if (size === 0 || size > 4 || pos + size > data.length) throw new Error("DER length is malformed");
    length = data.readUIntBE(pos, size);
    pos += size;
  }
  if (pos + length > data.length) throw new Error("DER value runs past its container");
  return { tag, content: data.subarray(pos, pos + length), end: pos + length };
}

/** The TLVs directly inside a constructed value. */
export function readChildren(content: Buffer): Tlv[] {
  const children: Tlv[] = [];
  let pos = 0;
  while (pos < content.length) {
    const child = readTlv(content, pos);
    children.push(child);
    pos = child.end;
  }
  return children;
}
