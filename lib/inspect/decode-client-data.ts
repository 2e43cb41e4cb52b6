// clientDataJSON as WebAuthn L3 §7.1 steps 5-6 / §7.2 steps 8-9 read it: UTF-8 decode (a leading BOM stripped), then
// JSON. No lenient decoding of damaged bytes (security bar B18).
import { createHash } from "node:crypto";
import { decodeBase64url } from "./base64url";

export type ClientData = {
  text: string;
  fields: Record<string, unknown>;
  /** SHA-256 of the raw bytes: what the authenticator signed (§7.1 step 12, §7.2 step 21). */
  hash: Buffer;
};

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export function decodeClientData(value: unknown): { ok: true; data: ClientData } | { ok: false; problem: string } {
  const bytes = decodeBase64url(value);
  if (!bytes) return { ok: false, problem: "response.clientDataJSON is missing or not base64url" };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, problem: "clientDataJSON is not valid UTF-8" };
  }
  let fields: unknown;
  try {
    fields = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `clientDataJSON is not JSON: ${(error as Error).message}` };
  }
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
    return { ok: false, problem: "clientDataJSON is JSON but not an object" };
  }
  return {
    ok: true,
    data: { text, fields: fields as Record<string, unknown>, hash: createHash("sha256").update(bytes).digest() },
  };
}
