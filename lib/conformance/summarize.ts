// The counts every reporter starts from, one per outcome class (the JSON contract in README).
import type { CaseOutcome, SuiteSummary } from "./types";

export function summarize(results: { outcome: CaseOutcome }[]): SuiteSummary {
  const count = (outcome: CaseOutcome) => results.filter((result) => result.outcome === outcome).length;
  return {
    total: results.length,
    pass: count("pass"),
    fail: count("fail"),
    deviation: count("deviation"),
    targetError: count("target-error"),
    notRun: count("not-run"),
    inconclusive: count("inconclusive"),
    skip: count("skip"),
  };
}
