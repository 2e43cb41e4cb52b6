// Runs conformance cases against any server that speaks the FIDO2 Server Conformance Test API, over HTTP only, a few
// at a time, reporting each case as it finishes with its outcome class (docs/decisions/016-conformance-outcomes.md).
import { randomBytes } from "node:crypto";
import { SoftwareAuthenticator } from "@/lib/authenticator";
import { allCases } from "./cases";
import { collectDeviations } from "./case-deviations";
import { CaseFailed, CaseInconclusive, CaseSkipped, TargetBroke } from "./expectations";
import { FidoClient } from "./fido-client";
import { readAnswer } from "./read-answer";
import { runHints } from "./run-hints";
import { summarize } from "./summarize";
import { SUITE_AAGUID, writeSuiteMetadata } from "./suite-metadata";
import { targetAnswers } from "./target-probe";
import { readTwin } from "./twin-judgement";
import type {
  CaseContext,
  CaseResult,
  ConformanceCase,
  Deviation,
  Exchange,
  ProgressEvent,
  SuiteReport,
  TwinResult,
} from "./types";

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
  /** The suite's MDS3 test BLOBs were served and the target loaded them: the Server-MDS3 cases run. */
  mdsServed?: boolean;
  timeoutMs?: number;
  fetch?: typeof fetch;
  cases?: ConformanceCase[];
  onProgress?: (event: ProgressEvent) => void;
};

export function selectCases(cases: ConformanceCase[], filter?: string): ConformanceCase[] {
  const wanted = filter?.trim().toLowerCase();
  return wanted ? cases.filter((testCase) => `${testCase.id} ${testCase.title}`.toLowerCase().includes(wanted)) : cases;
}

type Shared = {
  target: string;
  origin: string;
  runId: string;
  metadataWritten: boolean;
  mdsServed: boolean;
  fetch: typeof fetch;
  timeoutMs: number;
  /** Positive twins by key, each run once per run and shared by every case that asks (twin-judgement.ts). */
  twins: Map<string, Promise<TwinResult>>;
  /** Every deviation any case noted, kept even where the case then failed: what the run's hints are made of. */
  deviationsSeen: Deviation[];
};

function newContext(shared: Shared, prefix: string): CaseContext {
  const client = new FidoClient(shared.target, shared.fetch, shared.timeoutMs);
  let users = 0;
  return {
    client,
    origin: shared.origin,
    username: () => `suite-${shared.runId}-${prefix}-${++users}`,
    authenticator: (options) => new SoftwareAuthenticator({ aaguid: SUITE_AAGUID, ...options }),
    metadataWritten: shared.metadataWritten,
    mdsServed: shared.mdsServed,
    twin: (key, run) => {
      let twin = shared.twins.get(key);
      if (!twin) {
        twin = readTwin(newContext(shared, `twin${shared.twins.size}`), run);
        shared.twins.set(key, twin);
      }
      return twin;
    },
  };
}

const lastExchangeBroke = (exchanges: Exchange[]) => {
  const last = exchanges.at(-1);
  return last !== undefined && readAnswer(last.response) === "broken";
};

async function runCase(testCase: ConformanceCase, index: number, shared: Shared): Promise<CaseResult> {
  const base = { id: testCase.id, family: testCase.family, title: testCase.title };
  if (testCase.skip || !testCase.run)
    return { ...base, outcome: "skip", reason: testCase.skip ?? "nothing to run", exchanges: [], durationMs: 0 };
  const run = testCase.run;
  const context = newContext(shared, `${index}`);
  const client = context.client;
  const started = Date.now();
  const { deviations, error } = await collectDeviations(() => run(context));
  shared.deviationsSeen.push(...deviations);
  const durationMs = Date.now() - started;
  const exchanges = client.exchanges;
  if (error === undefined) {
    if (deviations.length === 0) return { ...base, outcome: "pass", reason: "", exchanges: [], durationMs };
    const reason = [...new Set(deviations.map((deviation) => deviation.kind))].join("; ");
    return { ...base, outcome: "deviation", reason, deviations, exchanges, durationMs };
  }
  if (error instanceof CaseSkipped)
    return { ...base, outcome: "skip", reason: error.message, exchanges: [], durationMs };
  if (error instanceof CaseInconclusive) {
    return {
      ...base,
      outcome: "inconclusive",
      reason: error.message,
      ...(deviations.length > 0 ? { deviations } : {}),
      exchanges,
      durationMs,
    };
  }
  if (error instanceof TargetBroke) {
    const failure = { message: error.message, expected: "a JSON answer below HTTP 500", received: error.received };
    return { ...base, outcome: "target-error", reason: error.message, failure, exchanges, durationMs };
  }
  if (error instanceof CaseFailed) {
    const failure = { message: error.message, expected: error.expected, received: error.received };
    return { ...base, outcome: "fail", reason: error.message, failure, exchanges, durationMs };
  }
  // The case itself threw (a body it could not read): blame the target only when its last answer was broken.
  const received = String((error as Error)?.message ?? error);
  const outcome = lastExchangeBroke(exchanges) ? "target-error" : "fail";
  const failure = { message: "the case could not run to its end", expected: "no error in the suite", received };
  return { ...base, outcome, reason: failure.message, failure, exchanges, durationMs };
}

export async function runSuite(options: RunOptions): Promise<SuiteReport> {
  const target = options.target.replace(/\/+$/, "");
  const shared: Shared = {
    target,
    origin: options.origin ?? new URL(target).origin,
    runId: randomBytes(4).toString("hex"),
    metadataWritten: options.metadataDir ? writeSuiteMetadata(options.metadataDir).length > 0 : false,
    mdsServed: options.mdsServed ?? false,
    fetch: options.fetch ?? fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
    twins: new Map(),
    deviationsSeen: [],
  };
  const cases = selectCases(options.cases ?? allCases(), options.filter);
  const startedAt = new Date();
  const results: CaseResult[] = new Array(cases.length);
  options.onProgress?.({ type: "start", total: cases.length });

  // After a target-error, each later case first asks whether the target still answers; while it does not, the case
  // is not run, and the run names the target-error after which it went down.
  let lastBroken: string | undefined;
  let crashedAfter: string | null = null;
  let probes = 0;
  const targetIsDown = async () => {
    if (lastBroken === undefined) return false;
    const suspect = lastBroken;
    if (await targetAnswers(target, shared.fetch, `suite-${shared.runId}-probe-${++probes}`, shared.timeoutMs)) {
      if (lastBroken === suspect) lastBroken = undefined;
      return false;
    }
    crashedAfter ??= suspect;
    return true;
  };

  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      const testCase = cases[index];
      if (!testCase.skip && testCase.run && (await targetIsDown())) {
        const reason = `the target stopped answering after ${crashedAfter}`;
        results[index] = {
          id: testCase.id,
          family: testCase.family,
          title: testCase.title,
          outcome: "not-run",
          reason,
          exchanges: [],
          durationMs: 0,
        };
      } else {
        results[index] = await runCase(testCase, index, shared);
        if (results[index].outcome === "target-error") lastBroken = testCase.id;
      }
      options.onProgress?.({ type: "case", result: results[index], done: ++done, total: cases.length });
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 8, cases.length));
  await Promise.all(Array.from({ length: concurrency }, worker));

  return {
    target,
    origin: shared.origin,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    summary: summarize(results),
    crashedAfter,
    hints: runHints(shared.deviationsSeen, concurrency),
    cases: results,
  };
}
