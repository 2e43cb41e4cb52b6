// Which browser started a run: a random value in an HttpOnly cookie, stored only as its SHA-256 (lib/crypto/tokens),
// so the list of runs on /conformance shows a browser its own runs and nobody else's.
import "server-only";
import { hashToken, newToken } from "@/lib/crypto/tokens";

export const RUN_OWNER_COOKIE = "pl_conformance_runs";
const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** The browser's owner value, or a new one with the cookie to set when it has none (or a malformed one). */
export function runOwner(cookieValue: string | undefined, overHttps: boolean) {
  if (cookieValue && /^[A-Za-z0-9_-]{43}$/.test(cookieValue))
    return { ownerHash: hashToken(cookieValue), setCookie: null };
  const value = newToken();
  const secure = overHttps ? "; Secure" : "";
  return {
    ownerHash: hashToken(value),
    setCookie: `${RUN_OWNER_COOKIE}=${value}; Path=/; Max-Age=${ONE_YEAR_S}; HttpOnly; SameSite=Lax${secure}`,
  };
}

/** The hash to list runs by, or null for a browser that never started one. */
export function runOwnerHash(cookieValue: string | undefined): string | null {
  return cookieValue && /^[A-Za-z0-9_-]{43}$/.test(cookieValue) ? hashToken(cookieValue) : null;
}
