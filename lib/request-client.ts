import "server-only";
import { headers } from "next/headers";
import { describeClient } from "./client-info";

/** The browser and OS of the current request, for the activity log and a passkey's "last used". */
export async function requestClient(): Promise<string> {
  return describeClient((await headers()).get("user-agent"));
}

/**
 * Who is asking, for per-client rate limits: the first X-Forwarded-For entry, which Next.js fills from the socket when
 * no proxy did. Behind a reverse proxy, the proxy must overwrite the header, or clients could choose their own.
 */
export async function requestSource(): Promise<string> {
  return (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
