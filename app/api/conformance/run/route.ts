// Runs the conformance suite and streams the results as NDJSON, one line per case, so the page can show them as they
// arrive; the run is saved too (lib/conformance/runs). The target is this server's own API unless CONFORMANCE_TARGETS
// allows others: a server that fetched any URL it was given would let anyone probe the network it sits in
// (lib/conformance/target-guard.ts). Every refusal is a typed JSON error; nothing here answers 500.
import { refuseMethod } from "@/lib/route-methods";
import type { NextRequest } from "next/server";
import { allow, limits } from "@/lib/auth/rate-limit";
import { runOwner, RUN_OWNER_COOKIE } from "@/lib/conformance/runs/run-owner";
import { runFromWeb, type RunLine } from "@/lib/conformance/runs/web-run";
import { checkTargetAddress, parseTarget } from "@/lib/conformance/target-guard";
import { env } from "@/lib/env";
import { failureResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/fido-server/read-json-body";
import { requestSource } from "@/lib/request-client";
import type { ErrorCode } from "@/lib/result";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 8 * 1024;

const refuse = (code: ErrorCode, message: string, detail?: string) =>
  failureResponse({ code, message, detail }, { "Cache-Control": "no-store" });

export async function POST(request: NextRequest) {
  try {
    return await startRun(request);
  } catch (error) {
    // The database or DNS failing before the run starts: a clean error, never a 500 with a stack trace.
    console.error("conformance run could not start", error);
    return refuse(
      "server:unavailable",
      "The run could not start: the server is having trouble. Try again in a moment.",
    );
  }
}

async function startRun(request: NextRequest) {
  // Every browser sends an Origin with a POST: one without it comes from no page of ours (security bar H66).
  const origin = request.headers.get("origin");
  if (!origin || !env.RP_ORIGINS.includes(origin))
    return refuse("request:cross-site", "Runs start only from this site's own pages.");
  const self = `${env.RP_ORIGINS[0]}/fido`;
  const empty = !request.body || request.headers.get("content-length") === "0";
  const body = empty ? { ok: true as const, data: {} } : await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return refuse(body.code === "fido:too-large" ? "request:too-large" : "input:invalid", body.message);
  const data = body.data;
  const requested =
    typeof data === "object" && data !== null && !Array.isArray(data) ? (data as { target?: unknown }).target : null;
  if (requested === null || (requested !== undefined && typeof requested !== "string")) {
    return refuse("input:invalid", 'Send a JSON object such as {"target":"https://example.com/fido"}.');
  }

  const parsed = parseTarget(requested || self, env.CONFORMANCE_TARGETS, self);
  if (!parsed.ok) return refuse(parsed.code, parsed.message, parsed.detail);
  if (parsed.self && env.FIDO_CONFORMANCE_API !== "on") {
    return refuse("conformance:off", "The FIDO conformance API is turned off on this server (FIDO_CONFORMANCE_API).");
  }
  // Counted before any DNS look-up, so the limit also bounds how fast names can be probed.
  if (!(await allow(limits.conformanceRunPerClient, await requestSource()))) {
    return refuse("rate:limited", "A few runs every 10 minutes: wait a little, then run again.");
  }
  const target = await checkTargetAddress(parsed, env.CONFORMANCE_TARGETS);
  if (!target.ok) return refuse(target.code, target.message, target.detail);

  const owner = runOwner(request.cookies.get(RUN_OWNER_COOKIE)?.value, env.RP_ORIGINS[0].startsWith("https:"));
  const encoder = new TextEncoder();
  // The run goes on, and is saved, when the browser leaves: its lines then go nowhere.
  let open = true;
  const stream = new ReadableStream({
    start(controller) {
      const send = (line: RunLine) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          open = false;
        }
      };
      // Not awaited: start() returns at once, so each line reaches the browser as soon as it is sent.
      void runFromWeb({
        target,
        mode: env.CONFORMANCE_TARGETS,
        ownerHash: owner.ownerHash,
        metadataDir: env.FIDO_METADATA_DIR,
        send,
      }).then(() => {
        try {
          if (open) controller.close();
        } catch {
          // The browser left at that very moment.
        }
      });
    },
    cancel() {
      open = false;
    },
  });
  const headers: Record<string, string> = { "Content-Type": "application/x-ndjson", "Cache-Control": "no-store" };
  if (owner.setCookie) headers["Set-Cookie"] = owner.setCookie;
  return new Response(stream, { headers });
}

export const GET = refuseMethod("POST");
