// What the web runner streams and stores of a case: texts and exchanges capped, and one budget per run.
import { describe, expect, it } from "vitest";
import {
  MAX_EXCHANGE_CHARS,
  MAX_RUN_CHARS,
  MAX_TEXT_CHARS,
  newRunBudget,
  SPENT_TEXT_CHARS,
  toShownResult,
} from "./shown-result";
import type { CaseResult, Exchange } from "./types";

const exchange = (bodyChars: number): Exchange => ({
  request: {
    method: "POST",
    url: "https://target.example/fido/attestation/result",
    body: { id: "a".repeat(bodyChars) },
  },
  response: { status: 400, body: { status: "failed", errorMessage: "b".repeat(bodyChars) } },
  durationMs: 2,
});

const failed = (exchanges: Exchange[], received = "HTTP 400"): CaseResult => ({
  id: "Server-X F-1",
  family: "Server-X",
  title: "t",
  outcome: "fail",
  reason: "refused",
  failure: { message: "refused", expected: "HTTP 200", received },
  exchanges,
  durationMs: 5,
});

describe("toShownResult", () => {
  it("keeps a small failure exactly as it is", () => {
    const result = failed([exchange(100)]);
    expect(toShownResult(result, newRunBudget())).toEqual(result);
  });

  it("cuts each exchange to 16 kB and each text to 2 kB, saying how long it was", () => {
    const shown = toShownResult(failed([exchange(50_000)], "r".repeat(10_000)), newRunBudget());
    const [kept] = shown.exchanges ?? [];
    expect(JSON.stringify(kept).length).toBeLessThanOrEqual(MAX_EXCHANGE_CHARS);
    expect(kept.response.status).toBe(400);
    expect(kept.request.url).toBe("https://target.example/fido/attestation/result");
    expect(String(kept.response.body)).toMatch(/^\{"status":"failed","errorMessage":"b+… \(50037 characters, cut\)$/);
    expect(shown.failure?.received).toBe(`${"r".repeat(MAX_TEXT_CHARS)}… (10000 characters, cut)`);
  });

  it("stops keeping exchanges once the run's budget is spent, counts what it left out, and shortens texts after that", () => {
    const budget = newRunBudget();
    const shown = Array.from({ length: 60 }, () =>
      toShownResult(failed([exchange(20_000), exchange(20_000)], "r".repeat(5_000)), budget),
    );
    const kept = shown.flatMap((result) => result.exchanges ?? []);
    expect(JSON.stringify(kept).length).toBeLessThanOrEqual(MAX_RUN_CHARS);
    expect(shown.at(-1)).toMatchObject({ exchanges: [], exchangesOmitted: 2 });
    expect(shown.at(-1)?.failure?.received).toBe(`${"r".repeat(SPENT_TEXT_CHARS)}… (5000 characters, cut)`);
    expect(JSON.stringify(shown).length).toBeLessThan(MAX_RUN_CHARS + 60 * 1024);
  });
});
