// Runs conformance cases against any server that speaks the FIDO2 Server Conformance Test API, over HTTP only, a few
// at a time, reporting each case as it finishes.
import { randomBytes } from "node:crypto";
import { SoftwareAuthenticator } from "@/lib/authenticator";
import { allCases } from "./cases";
import { CaseFailed, CaseSkipped } from "./expectations";
import { FidoClient } from "./fido-client";
import { SUITE_AAGUID, writeSuiteMetadata } from "./suite-metadata";
import type { CaseContext, CaseResult, ConformanceCase, ProgressEvent, SuiteReport } from "./types";

export type RunOptions = {
  /** The API's base URL, e.g. http://localhost:3000/fido. */
  target: string;
  /** The origin the suite's clientDataJSON claims; the target's origin by default (what the FIDO tool does). */
  origin?: string;
  /** Only cases whose id or title contains this (case-insensitive). */
  filter?: string;
  /** Cases in flight at once (default 8). */
  concurrency?: number;
  /** Write the suite's metadata statements here first, for a target that reads this folder (FIDO_METADATA_DIR). */
  metadataDir?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  cases?: ConformanceCase[];
  onProgress?: (event: ProgressEvent) => void;
};

export function selectCases(cases: ConformanceCase[], filter?: string): ConformanceCase[] {
  const wanted = filter?.trim().toLowerCase();
  return wanted ? cases.filter((testCase) => `${testCase.id} ${testCase.title}`.toLowerCase().includes(wanted)) : cases;
}

type Shared = { target: string; origin: string; runId: string; metadataWritten: boolean; fetch: typeof fetch; timeoutMs: number };

async function runCase(testCase: ConformanceCase, index: number, shared: Shared): Promise<CaseResult> {
  const base = { id: testCase.id, family: testCase.family, title: testCase.title };
  if (testCase.skip || !testCase.run) return { ...base, status: "skipped", reason: testCase.skip ?? "nothing to run", durationMs: 0 };
  const client = new FidoClient(shared.target, shared.fetch, shared.timeoutMs);
  let users = 0;
  const context: CaseContext = {
    client,
    origin: shared.origin,
    username: () => `suite-${shared.runId}-${index}-${++users}`,
    authenticator: (options) => new SoftwareAuthenticator({ aaguid: SUITE_AAGUID, ...options }),
    metadataWritten: shared.metadataWritten,
  };
  const started = Date.now();
  try {
    await testCase.run(context);
    return { ...base, status: "passed", durationMs: Date.now() - started };
  } catch (error) {
    const durationMs = Date.now() - started;
    if (error instanceof CaseSkipped) return { ...base, status: "skipped", reason: error.message, durationMs };
    const failure =
      error instanceof CaseFailed
        ? { message: error.message, expected: error.expected, received: error.received }
        : { message: "the case could not run to its end", expected: "no error in the suite", received: String((error as Error)?.message ?? error) };
    return { ...base, status: "failed", failure, exchanges: client.exchanges, durationMs };
  }
}

export async function runSuite(options: RunOptions): Promise<SuiteReport> {
  const target = options.target.replace(/\/+$/, "");
  const shared: Shared = {
    target,
    origin: options.origin ?? new URL(target).origin,
    runId: randomBytes(4).toString("hex"),
    metadataWritten: options.metadataDir ? writeSuiteMetadata(options.metadataDir).length > 0 : false,
    fetch: options.fetch ?? fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
  };
  const cases = selectCases(options.cases ?? allCases(), options.filter);
  const startedAt = new Date();
  const results: CaseResult[] = new Array(cases.length);
  options.onProgress?.({ type: "start", total: cases.length });

  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      results[index] = await runCase(cases[index], index, shared);
      options.onProgress?.({ type: "case", result: results[index], done: ++done, total: cases.length });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, cases.length)) }, worker));

  const count = (status: CaseResult["status"]) => results.filter((result) => result.status === status).length;
  return {
    target,
    origin: shared.origin,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    summary: { total: results.length, passed: count("passed"), failed: count("failed"), skipped: count("skipped") },
    cases: results,
  };
}
