// One run of the suite started from the web: checked target, a guarded fetch, the run saved when it starts and when it
// ends, and each case handed to `send` as it finishes (capped like what is stored).
import "server-only";
import { allCases } from "@/lib/conformance/cases";
import { createGuardedFetch } from "@/lib/conformance/guarded-fetch";
import { runSuite } from "@/lib/conformance/run-suite";
import { summarize } from "@/lib/conformance/summarize";
import { newRunBudget, toShownResult, type StoredCaseResult } from "@/lib/conformance/shown-result";
import { refusedAddressRange, type TargetAccepted, type TargetMode } from "@/lib/conformance/target-guard";
import type { SuiteSummary } from "@/lib/conformance/types";
import { createRun, deleteOldRuns, endRun, RUN_TIME_LIMIT_MS } from "./run-store";

export const REQUEST_TIMEOUT_MS = 10_000;
export const WEB_CONCURRENCY = 4;

export type RunLine =
  | { type: "start"; runId: string; total: number; target: string }
  | { type: "case"; done: number; result: StoredCaseResult }
  | {
      type: "done";
      runId: string;
      status: "finished" | "stopped";
      stopReason?: string;
      summary: SuiteSummary;
      crashedAfter: string | null;
      durationMs: number;
    }
  | { type: "error"; runId?: string; code: "run:failed"; message: string };

export type WebRunInput = {
  target: TargetAccepted;
  mode: TargetMode;
  ownerHash: string;
  /** For this server only: where its API reads metadata statements, so full-attestation cases can pass. */
  metadataDir?: string;
  send: (line: RunLine) => void;
  timeLimitMs?: number;
};

/** Runs the suite; never throws: whatever goes wrong ends as a stopped run and an `error` line. */
export async function runFromWeb(input: WebRunInput): Promise<void> {
  let runId: string | undefined;
  const deadline = new AbortController();
  const limitMs = input.timeLimitMs ?? RUN_TIME_LIMIT_MS;
  const limitText = limitMs >= 60_000 ? `${Math.round(limitMs / 60_000)}-minute` : `${limitMs} ms`;
  // After the limit every request fails at once, so the cases still running end quickly as failures.
  const timer = setTimeout(() => deadline.abort(new Error(`the run reached its ${limitText} limit`)), limitMs);
  const guarded = createGuardedFetch({
    // This server's own API is reached through its configured origin, often localhost: only other targets are checked.
    refuseAddress: input.mode === "public" && !input.target.self ? refusedAddressRange : undefined,
    signal: deadline.signal,
  });
  const budget = newRunBudget();
  const shown: StoredCaseResult[] = [];
  try {
    await deleteOldRuns();
    runId = await createRun({ target: input.target.url, ownerHash: input.ownerHash, total: allCases().length });
    const id = runId;
    const report = await runSuite({
      target: input.target.url,
      concurrency: WEB_CONCURRENCY,
      timeoutMs: REQUEST_TIMEOUT_MS,
      fetch: guarded.fetch,
      metadataDir: input.target.self ? input.metadataDir : undefined,
      onProgress: (event) => {
        if (event.type === "start")
          return input.send({ type: "start", runId: id, total: event.total, target: input.target.url });
        const result = toShownResult(event.result, budget);
        shown.push(result);
        input.send({ type: "case", done: event.done, result });
      },
    });
    const order = new Map(report.cases.map((result, index) => [result.id, index]));
    shown.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    const stopReason = deadline.signal.aborted
      ? `${(deadline.signal.reason as Error).message}: the cases still waiting for an answer were not run to their end.`
      : undefined;
    const status = stopReason ? "stopped" : "finished";
    await endRun(id, { status, summary: report.summary, crashedAfter: report.crashedAfter, cases: shown, stopReason });
    input.send({
      type: "done",
      runId: id,
      status,
      stopReason,
      summary: report.summary,
      crashedAfter: report.crashedAfter,
      durationMs: report.durationMs,
    });
  } catch (error) {
    console.error("conformance web run failed", error);
    if (runId) {
      await endRun(runId, {
        status: "stopped",
        summary: summarize(shown),
        crashedAfter: null,
        cases: shown,
        stopReason: "The runner failed before the end of the run.",
      }).catch(() => {});
    }
    input.send({ type: "error", runId, code: "run:failed", message: "The run stopped before it finished. Try again." });
  } finally {
    clearTimeout(timer);
    guarded.close();
  }
}
