// The outcome classes as the pages name them (docs/decisions/016-conformance-outcomes.md), in the CLI's words.
import type { CaseOutcome, SuiteSummary } from "@/lib/conformance/types";

export const outcomeBadge: Record<CaseOutcome, readonly ["good" | "warn" | "neutral", string]> = {
  pass: ["good", "Pass"],
  fail: ["warn", "Fail"],
  deviation: ["neutral", "Deviation"],
  "target-error": ["warn", "Target error"],
  "not-run": ["neutral", "Not run"],
  inconclusive: ["neutral", "Inconclusive"],
  skip: ["neutral", "Skip"],
};

/** "12 pass · 1 fail · …", every class, so a reader sees the zeros too. */
export function outcomeCounts(summary: SuiteSummary): string {
  const { pass, fail, deviation, targetError, notRun, inconclusive, skip } = summary;
  return `${pass} pass · ${fail} fail · ${deviation} deviation · ${targetError} target-error · ${notRun} not-run · ${inconclusive} inconclusive · ${skip} skip`;
}
