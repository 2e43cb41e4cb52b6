import { describe, expect, it } from "vitest";
import type { StepResult, StepStatus } from "./card";
import { summariseCard } from "./summary";

const result = (status: StepStatus): StepResult => ({ stepId: "passkey", status, headline: "", rows: [] });

describe("summariseCard", () => {
  it("says nothing ran yet", () => {
    expect(summariseCard([undefined, undefined], 15)).toBe("0 of 15 steps run yet.");
  });

  it("counts the outcomes that occurred, supported first", () => {
    const results = [result("not-supported"), result("supported"), undefined, result("supported"), result("error")];
    expect(summariseCard(results, 15)).toBe("4 of 15 steps run: 2 supported, 1 not supported, 1 error.");
  });

  it("names every kind of outcome", () => {
    const results = [result("supported"), result("error"), result("error"), result("not-observable")];
    expect(summariseCard(results, 4)).toBe("4 of 4 steps run: 1 supported, 2 errors, 1 not observable.");
  });
});
