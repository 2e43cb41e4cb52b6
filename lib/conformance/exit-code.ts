// What a CI step learns from the CLI's exit code: 1 when the target decided wrong or broke; a deviation (or an
// inconclusive case) fails the step only under --strict, since the decision itself was right. 2 is a usage error.
import type { SuiteSummary } from "./types";

export function exitCodeFor(summary: SuiteSummary, strict: boolean): 0 | 1 {
  if (summary.fail > 0 || summary.targetError > 0) return 1;
  if (strict && (summary.deviation > 0 || summary.inconclusive > 0)) return 1;
  return 0;
}
