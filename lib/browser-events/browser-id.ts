// Which browser a signed-out event belongs to: a random value in an HttpOnly cookie, kept on the server only as its
// SHA-256 (like the conformance runs' owner cookie). It names a browser, never a person: a signed-out attempt is put
// on no account (who is trying is exactly what the server does not know, and an email typed is only a claim) until
// this same browser signs in; then its attempts of the last day join that account (docs/decisions/025).
import "server-only";
import { cookies } from "next/headers";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";
import { claimBrowserEvents } from "./store";

const overHttps = env.RP_ORIGINS[0]?.startsWith("https:") ?? false;
const BROWSER_COOKIE = overHttps ? "__Host-passkey-lab.browser" : "passkey-lab.browser";
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** As long as the events it finds are kept, renewed by each event. */
const MAX_AGE_S = 30 * 24 * 60 * 60;

/** This browser's hash, or null for one that never reported a passkey request (or sent a malformed cookie). */
export async function readBrowserHash(): Promise<string | null> {
  const value = (await cookies()).get(BROWSER_COOKIE)?.value;
  return value && TOKEN.test(value) ? hashToken(value) : null;
}

/** This browser's hash, giving it a cookie first when it has none. */
export async function ensureBrowserHash(): Promise<string> {
  const jar = await cookies();
  const existing = jar.get(BROWSER_COOKIE)?.value;
  const value = existing && TOKEN.test(existing) ? existing : newToken();
  jar.set(BROWSER_COOKIE, value, { httpOnly: true, sameSite: "lax", path: "/", secure: overHttps, maxAge: MAX_AGE_S });
  return hashToken(value);
}

/** At every new session: this browser's recent signed-out passkey requests join the account just proven here. */
export async function claimThisBrowsersEvents(userId: string): Promise<void> {
  const browserHash = await readBrowserHash();
  if (browserHash) await claimBrowserEvents(browserHash, userId);
}
