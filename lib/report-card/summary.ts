// The line above the report card's steps: how far the person got and how it went, counted from the results so far.
import type { StepResult, StepStatus } from "./card";

const wording: [StepStatus, (count: number) => string][] = [
  ["supported", (count) => `${count} supported`],
  ["not-supported", (count) => `${count} not supported`],
  ["error", (count) => `${count} ${count === 1 ? "error" : "errors"}`],
  ["not-observable", (count) => `${count} not observable`],
];

/** "3 of 15 steps run: 2 supported, 1 not supported"; only the outcomes that occurred are named. */
export function summariseCard(results: (StepResult | undefined)[], total: number): string {
  const done = results.filter((result): result is StepResult => result !== undefined);
  if (done.length === 0) return `0 of ${total} steps run yet.`;
  const counts = wording
    .map(([status, say]) => [done.filter((result) => result.status === status).length, say] as const)
    .filter(([count]) => count > 0)
    .map(([count, say]) => say(count));
  return `${done.length} of ${total} steps run: ${counts.join(", ")}.`;
}
