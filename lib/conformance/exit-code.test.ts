// What a CI step sees: 1 on a wrong decision or a broken target; deviations only under --strict.
import { describe, expect, it } from "vitest";
import { exitCodeFor } from "./exit-code";
import type { SuiteSummary } from "./types";

const summary = (counts: Partial<SuiteSummary>): SuiteSummary => ({
  total: 10,
  pass: 0,
  fail: 0,
  deviation: 0,
  targetError: 0,
  notRun: 0,
  inconclusive: 0,
  skip: 0,
  ...counts,
});

describe("exitCodeFor", () => {
  it("is 0 with passes, skips and deviations, 1 with any fail or target-error", () => {
    expect(exitCodeFor(summary({ pass: 8, skip: 1, deviation: 1 }), false)).toBe(0);
    expect(exitCodeFor(summary({ pass: 9, fail: 1 }), false)).toBe(1);
    expect(exitCodeFor(summary({ pass: 5, targetError: 1, notRun: 4 }), false)).toBe(1);
  });

  it("is 1 under --strict for a deviation or an inconclusive case too", () => {
    expect(exitCodeFor(summary({ pass: 9, deviation: 1 }), true)).toBe(1);
    expect(exitCodeFor(summary({ pass: 9, inconclusive: 1 }), true)).toBe(1);
    expect(exitCodeFor(summary({ pass: 9, skip: 1 }), true)).toBe(0);
  });
});
