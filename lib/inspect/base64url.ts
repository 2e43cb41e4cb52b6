/** Bytes from base64url (padding tolerated, as browsers' older JSON helpers add it), or null when it is not base64url. */
export function decodeBase64url(value: unknown): Buffer | null {
  if (typeof value !== "string") return null;
  const trimmed = value.replace(/={1,2}$/, "");
  if (!/^[A-Za-z0-9_-]*$/.test(trimmed) || trimmed.length % 4 === 1) return null;
  return Buffer.from(trimmed, "base64url");
}

export const toBase64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
export const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
