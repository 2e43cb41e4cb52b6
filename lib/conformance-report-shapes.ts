// The shapes of a conformance run's report, as the suite makes it and the conformance_runs table's JSON columns keep
// it. A leaf of types that imports nothing: lib/db takes them without reaching up into the suite, and the suite
// (shipped in @passkey-lab/kit) takes them without reaching into the server's database code.

/** One HTTP round trip, as a report shows it (large bodies shortened). */
export type Exchange = {
  request: { method: "POST"; url: string; body: unknown };
  response: { status: number; body: unknown };
  durationMs: number;
};

/**
 * How a case ended (docs/decisions/016-conformance-outcomes.md): `fail` is a wrong decision, `deviation` the right
 * decision in the wrong shape, `target-error` the target broke (5xx, no answer, not JSON), `not-run` the target was
 * down when the case's turn came. `inconclusive` is reserved for negative cases whose positive twin is refused too.
 */
export type CaseOutcome = "pass" | "fail" | "deviation" | "target-error" | "not-run" | "inconclusive" | "skip";

export type CaseFailure = { message: string; expected: string; received: string };

/** A right decision in the wrong shape: `kind` groups alike deviations in a report, `detail` is what came back. */
export type Deviation = { kind: string; step: string; detail: string };

export type CaseResult = {
  id: string;
  family: string;
  title: string;
  outcome: CaseOutcome;
  /** One line on why: the failure's message, the deviations' kinds, the skip's reason; empty for a pass. */
  reason: string;
  /** For `fail` and `target-error`: expected vs received. */
  failure?: CaseFailure;
  /** For `deviation`: every shape that was wrong. */
  deviations?: Deviation[];
  /** Every request and response of a case that did not pass (empty for pass, skip and not-run: reports stay small). */
  exchanges: Exchange[];
  durationMs: number;
};

/**
 * A case result with its texts capped (lib/conformance/shown-result.ts); `exchangesOmitted` counts exchanges left out
 * once the run's budget ran out.
 */
export type StoredCaseResult = CaseResult & { exchangesOmitted?: number };

export type SuiteSummary = {
  total: number;
  pass: number;
  fail: number;
  deviation: number;
  targetError: number;
  notRun: number;
  inconclusive: number;
  skip: number;
};
