import "server-only";
import type { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";
import { resolveClientAddress } from "./client-address";
import { describeClient } from "./client-info";
import { env } from "./env";

/** The browser and OS of the current request, for the activity log and a passkey's "last used". */
export async function requestClient(): Promise<string> {
  return describeClient((await headers()).get("user-agent"));
}

/** Filled by server.mjs with the address of the socket each request came in on (Next.js does not pass it on). */
const clientSocket = (globalThis as { [key: symbol]: AsyncLocalStorage<string> | undefined })[Symbol.for("passkey-lab.client-socket")];

/** Said once: a server started without server.mjs cannot tell clients apart. */
let warnedNoSocket = false;

/**
 * Who is asking, for per-client rate limits: the socket's address, or behind proxies named in TRUSTED_PROXIES the
 * address the nearest untrusted hop reported (lib/client-address.ts). Never a header the client alone wrote.
 */
export async function requestSource(): Promise<string> {
  const socketAddress = clientSocket?.getStore();
  if (!socketAddress) {
    // `next start` without server.mjs: every request counts as one client, so limits still hold (closed, not open).
    if (!warnedNoSocket) console.error("Passkey Lab: started without server.mjs, so every client shares one rate limit. Use `npm start`.");
    warnedNoSocket = true;
    return "unknown";
  }
  return resolveClientAddress(socketAddress, (await headers()).get("x-forwarded-for"), env.TRUSTED_PROXIES);
}
