// Runs the conformance suite against this server's own FIDO API and streams the results as NDJSON, one line per case,
// so the page can show them as they arrive. Only this server is a target: a server that fetched any URL it was given
// would let anyone probe the network it sits in.
import { allow, limits } from "@/lib/auth/rate-limit";
import { runSuite } from "@/lib/conformance/run-suite";
import { env } from "@/lib/env";
import { requestSource } from "@/lib/request-client";

export const dynamic = "force-dynamic";

const json = (body: unknown, status: number) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function POST() {
  if (env.FIDO_CONFORMANCE_API !== "on") {
    return json({ code: "conformance:off", message: "The FIDO conformance API is turned off on this server (FIDO_CONFORMANCE_API)." }, 404);
  }
  if (!(await allow(limits.conformanceRunPerClient, await requestSource()))) {
    return json({ code: "rate:limited", message: "A few runs every 10 minutes: wait a little, then run again." }, 429);
  }
  const target = `${env.RP_ORIGINS[0]}/fido`;
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const report = await runSuite({
          target,
          concurrency: 4,
          metadataDir: env.FIDO_METADATA_DIR,
          onProgress: (event) => {
            if (event.type === "start") send({ type: "start", total: event.total, target });
            else send({ type: "case", done: event.done, result: { ...event.result, exchanges: undefined } });
          },
        });
        send({ type: "done", summary: report.summary, durationMs: report.durationMs });
      } catch {
        send({ type: "error", message: "The run stopped before it finished. Try again." });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson", "Cache-Control": "no-store" } });
}
