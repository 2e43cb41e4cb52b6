// Fetches one well-known file through the SSRF-guarded fetcher (lib/conformance/guarded-fetch.ts): in `public` mode
// every address it connects to is checked (no private, loopback or metadata address, no DNS rebinding), on every hop;
// answers are capped. Like a browser fetching /.well-known/webauthn: no cookies, no referrer, and redirects followed
// only while they stay on https (WebAuthn L3 §5.11.1: "WebAuthn Clients MUST explicitly require all redirects to also
// use the https: scheme"), up to 20, Fetch's own limit. Whether clients follow a redirect for
// /.well-known/passkey-endpoints is an open question of its draft (w3c/webappsec-passkey-endpoints#2), so there a
// redirect is reported, not followed.
import "server-only";
import { createGuardedFetch } from "@/lib/conformance/guarded-fetch";
import { refusedAddressRange } from "@/lib/conformance/target-guard";
import type { FetchedFile } from "./types";

const TIMEOUT_MS = 10_000;
// Real files are a few hundred bytes; 64 kB is generous and bounds what one check reads.
const MAX_BYTES = 64 * 1024;
const MAX_REDIRECTS = 20;

type WellKnownName = "webauthn" | "passkey-endpoints";

export async function fetchWellKnown(
  origin: string,
  name: WellKnownName,
  mode: "public" | "any",
): Promise<FetchedFile> {
  const url = `${origin}/.well-known/${name}`;
  const redirects: string[] = [];
  const guarded = createGuardedFetch({
    refuseAddress: mode === "public" ? refusedAddressRange : undefined,
    maxResponseBytes: MAX_BYTES,
    redirects: "answer",
  });
  // One time limit for the whole chain, as a browser's request has.
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  try {
    for (let next = url; ;) {
      const answer = await guarded.fetch(next, { headers: { accept: "application/json" }, signal });
      const location = answer.headers.get("location");
      const target = location && answer.status >= 300 && answer.status < 400 ? URL.parse(location, next) : null;
      // A local test server (`any` mode) is followed over http too, so the rest of its file can be judged; the
      // https rule still fails on it (file-answer-rules.ts).
      const follow =
        name === "webauthn" && (target?.protocol === "https:" || (mode === "any" && target?.protocol === "http:"));
      if (!follow || !target) {
        return {
          kind: "answer",
          url,
          redirects,
          status: answer.status,
          ...(target ? { location: target.href } : {}),
          contentType: answer.headers.get("content-type"),
          body: await answer.text(),
        };
      }
      if (redirects.length === MAX_REDIRECTS)
        return { kind: "failed", url, redirects, reason: `more than ${MAX_REDIRECTS} redirects` };
      redirects.push(target.href);
      next = target.href;
    }
  } catch (error) {
    return { kind: "failed", url, redirects, reason: describeFailure(error) };
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
