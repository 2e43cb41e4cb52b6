// Conformance runs started from /conformance, kept in the database: written when a run starts and again when it ends.
//
// Who sees what: the list shows only the runs started from the same browser (a random cookie, stored as its SHA-256),
// because a target may be a private URL that says something about whoever typed it. A run's page is open to anyone
// holding its id: 128 random bits, a capability like a troubleshooting report's code, so a run can be shared.
import "server-only";
import { and, desc, eq, lt, notInArray } from "drizzle-orm";
import { newToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { conformanceRuns, type ConformanceRun } from "@/lib/db/schema";
import type { StoredCaseResult } from "@/lib/conformance/shown-result";
import type { SuiteSummary } from "@/lib/conformance/types";

/** A web run stops at this age whatever its target does (lib/conformance/runs/web-run.ts). */
export const RUN_TIME_LIMIT_MS = 5 * 60_000;
/** A run still "running" this long after it started was left so by a process that died: it is shown stopped. */
export const ABANDONED_AFTER_MS = RUN_TIME_LIMIT_MS + 60_000;
export const RUN_KEPT_MS = 30 * 24 * 60 * 60_000;
/** At most this many runs are kept in all (with the per-run cap of lib/conformance/shown-result.ts, ≈ 160 MB at worst). */
export const MAX_KEPT_RUNS = 200;
export const LISTED_RUNS = 20;

export type RunStatus = ConformanceRun["status"];

export type RunSummaryRow = Pick<
  ConformanceRun,
  "id" | "target" | "startedAt" | "finishedAt" | "stopReason" | "crashedAfter"
> & {
  status: RunStatus;
  summary: SuiteSummary;
};

/** A stored run as pages show it: counts by outcome class, even for runs stored before the classes existed. */
export type StoredRun = Omit<ConformanceRun, "summary"> & { summary: SuiteSummary };

type LegacyCounts = Pick<ConformanceRun, "total" | "passed" | "failed" | "skipped" | "summary">;

/** Runs stored before outcome classes counted passed, failed and skipped: those read as pass, fail and skip. */
function summaryOf(row: LegacyCounts): SuiteSummary {
  return (
    row.summary ?? {
      total: row.total,
      pass: row.passed,
      fail: row.failed,
      deviation: 0,
      targetError: 0,
      notRun: 0,
      inconclusive: 0,
      skip: row.skipped,
    }
  );
}

const LEGACY_OUTCOME = { passed: "pass", failed: "fail", skipped: "skip" } as const;

function withOutcome(stored: StoredCaseResult & { status?: keyof typeof LEGACY_OUTCOME }): StoredCaseResult {
  if (stored.outcome) return stored;
  return {
    ...stored,
    outcome: LEGACY_OUTCOME[stored.status ?? "failed"],
    reason: stored.reason ?? stored.failure?.message ?? "",
    exchanges: stored.exchanges ?? [],
  };
}

export const ABANDONED_REASON = "The server stopped before the run ended; the cases it had run were not saved.";

/**
 * The status a person sees. A process that dies mid-run never writes the end, so a run still marked running after
 * the time limit (plus a minute) is shown as stopped, with a reason, instead of running forever.
 */
export function shownStatus(
  run: Pick<ConformanceRun, "status" | "startedAt" | "stopReason">,
  now = Date.now(),
): { status: RunStatus; stopReason: string | null } {
  if (run.status === "running" && now - run.startedAt.getTime() > ABANDONED_AFTER_MS)
    return { status: "stopped", stopReason: ABANDONED_REASON };
  return { status: run.status, stopReason: run.stopReason };
}

export async function createRun(input: {
  target: string;
  ownerHash: string;
  total: number;
  now?: Date;
}): Promise<string> {
  const id = newToken(16);
  await db.insert(conformanceRuns).values({
    id,
    ownerHash: input.ownerHash,
    target: input.target,
    status: "running",
    total: input.total,
    cases: [],
    startedAt: input.now ?? new Date(),
  });
  return id;
}

/** Writes the end of a run: finished when every case ran, stopped (with why) when it ended early. */
export async function endRun(
  id: string,
  end: {
    status: "finished" | "stopped";
    summary: SuiteSummary;
    crashedAfter: string | null;
    cases: StoredCaseResult[];
    stopReason?: string;
    now?: Date;
  },
): Promise<void> {
  await db
    .update(conformanceRuns)
    .set({
      status: end.status,
      stopReason: end.stopReason ?? null,
      total: end.summary.total,
      summary: end.summary,
      crashedAfter: end.crashedAfter,
      cases: end.cases,
      finishedAt: end.now ?? new Date(),
    })
    .where(and(eq(conformanceRuns.id, id), eq(conformanceRuns.status, "running")));
}

/** The newest runs started from this browser, without their cases. */
export async function listRuns(ownerHash: string, now = Date.now()): Promise<RunSummaryRow[]> {
  const rows = await db
    .select({
      id: conformanceRuns.id,
      target: conformanceRuns.target,
      status: conformanceRuns.status,
      stopReason: conformanceRuns.stopReason,
      total: conformanceRuns.total,
      passed: conformanceRuns.passed,
      failed: conformanceRuns.failed,
      skipped: conformanceRuns.skipped,
      summary: conformanceRuns.summary,
      crashedAfter: conformanceRuns.crashedAfter,
      startedAt: conformanceRuns.startedAt,
      finishedAt: conformanceRuns.finishedAt,
    })
    .from(conformanceRuns)
    .where(eq(conformanceRuns.ownerHash, ownerHash))
    .orderBy(desc(conformanceRuns.startedAt))
    .limit(LISTED_RUNS);
  return rows.map((row) => ({
    id: row.id,
    target: row.target,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    crashedAfter: row.crashedAfter,
    summary: summaryOf(row),
    ...shownStatus(row, now),
  }));
}

export async function findRun(id: string, now = Date.now()): Promise<StoredRun | null> {
  // Ids are base64url; anything else cannot be one (and never reaches the database).
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  const run = await db.query.conformanceRuns.findFirst({ where: eq(conformanceRuns.id, id) });
  return run ? { ...run, summary: summaryOf(run), cases: run.cases.map(withOutcome), ...shownStatus(run, now) } : null;
}

/** Forgets runs older than 30 days, and the oldest beyond the newest MAX_KEPT_RUNS. */
export async function deleteOldRuns(now = Date.now(), keep = MAX_KEPT_RUNS): Promise<void> {
  await db.delete(conformanceRuns).where(lt(conformanceRuns.startedAt, new Date(now - RUN_KEPT_MS)));
  const newest = db
    .select({ id: conformanceRuns.id })
    .from(conformanceRuns)
    .orderBy(desc(conformanceRuns.startedAt))
    .limit(keep);
  await db.delete(conformanceRuns).where(notInArray(conformanceRuns.id, newest));
}
