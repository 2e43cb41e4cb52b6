// Fetches one well-known file through the SSRF-guarded fetcher (lib/conformance/guarded-fetch.ts): in `public` mode
// every address it connects to is checked (no private, loopback or metadata address, no DNS rebinding), no redirect
// is followed, answers are capped. Like a browser fetching /.well-known/webauthn: no cookies, no referrer.
import "server-only";
import { createGuardedFetch } from "@/lib/conformance/guarded-fetch";
import { refusedAddressRange } from "@/lib/conformance/target-guard";
import type { FetchedFile } from "./types";

const TIMEOUT_MS = 10_000;
// Real files are a few hundred bytes; 64 kB is generous and bounds what one check reads.
const MAX_BYTES = 64 * 1024;

export async function fetchWellKnown(origin: string, name: string, mode: "public" | "any"): Promise<FetchedFile> {
  const url = `${origin}/.well-known/${name}`;
  const guarded = createGuardedFetch({
    refuseAddress: mode === "public" ? refusedAddressRange : undefined,
    maxResponseBytes: MAX_BYTES,
  });
  try {
    const answer = await guarded.fetch(url, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return {
      kind: "answer",
      url,
      status: answer.status,
      contentType: answer.headers.get("content-type"),
      body: await answer.text(),
    };
  } catch (error) {
    return { kind: "failed", url, reason: describeFailure(error) };
  } finally {
    guarded.close();
  }
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return "the request failed";
  if (error.name === "TimeoutError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  // A network error's own code (ECONNREFUSED, ENOTFOUND, a TLS failure) says more than "fetch failed".
  return cause?.code ? `${cause.code}${cause.message ? ` (${cause.message})` : ""}` : error.message;
}
