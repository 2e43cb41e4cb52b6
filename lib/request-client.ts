import "server-only";
import type { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";
import { clientKey, resolveClientAddress } from "./client-address";
import { describeClient } from "./client-info";
import { env } from "./env";

/** The browser and OS of the current request, for the activity log and a passkey's "last used". */
export async function requestClient(): Promise<string> {
  return describeClient((await headers()).get("user-agent"));
}

/** Filled by server.mjs with the address of the socket each request came in on (Next.js does not pass it on). */
const clientSocket = (globalThis as { [key: symbol]: AsyncLocalStorage<string> | undefined })[
  Symbol.for("passkey-lab.client-socket")
];

/** False under a bare `next start` or `next dev`, which cannot tell clients apart (lib/startup.ts refuses to serve then). */
export function knowsClientSockets(): boolean {
  return clientSocket !== undefined;
}

/** Said once: a server started without server.mjs cannot tell clients apart. */
let warnedNoSocket = false;

/**
 * Who is asking, for per-client rate limits: the socket's address, or behind proxies named in TRUSTED_PROXIES the
 * address the nearest untrusted hop reported (lib/client-address.ts); for IPv6, its /64. Never a header the client
 * alone wrote.
 */
export async function requestSource(): Promise<string> {
  const socketAddress = clientSocket?.getStore();
  if (!socketAddress) {
    // `next dev` without server.mjs: every request counts as one client, so limits still hold (closed, not open).
    if (!warnedNoSocket)
      console.error("Passkey Lab: started without server.mjs, so every client shares one rate limit. Use `npm start`.");
    warnedNoSocket = true;
    return "unknown";
  }
  return clientKey(resolveClientAddress(socketAddress, (await headers()).get("x-forwarded-for"), env.TRUSTED_PROXIES));
}
