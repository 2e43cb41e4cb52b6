// A stored run as the CLI's reporters take it, so the page's downloads are the same JSON and JUnit the CLI writes.
import { runHints } from "../run-hints";
import type { SuiteReport } from "../types";
import type { StoredRun } from "./run-store";

type StoredReportInput = Pick<StoredRun, "target" | "startedAt" | "finishedAt" | "summary" | "crashedAfter" | "cases">;

/**
 * Web runs claim the target's own origin (the CLI's default), so it is not stored; a run still going reports the
 * time so far as its duration. `concurrency` is the one the run ran at (the web runner's).
 */
export function storedRunReport(run: StoredReportInput, concurrency: number, now = Date.now()): SuiteReport {
  const endedAt = run.finishedAt?.getTime() ?? now;
  return {
    target: run.target,
    origin: URL.parse(run.target)?.origin ?? run.target,
    startedAt: run.startedAt.toISOString(),
    durationMs: Math.max(0, endedAt - run.startedAt.getTime()),
    summary: run.summary,
    crashedAfter: run.crashedAfter,
    // Only the cases that ended as deviations kept theirs: a run that also failed on overlap still shows one of them.
    hints: runHints(
      run.cases.flatMap((result) => result.deviations ?? []),
      concurrency,
    ),
    cases: run.cases,
  };
}

/** The file name a download gets: the run id is already in the URL, so it says nothing new. */
export const reportFileName = (runId: string, extension: "json" | "xml") => `conformance-run-${runId}.${extension}`;
