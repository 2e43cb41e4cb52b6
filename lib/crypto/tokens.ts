import { createHash, randomBytes } from "node:crypto";

/** A random, URL-safe identifier or bearer token (default 256 bits). */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Bearer tokens are stored only as their SHA-256: a database leak hands out no live token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
