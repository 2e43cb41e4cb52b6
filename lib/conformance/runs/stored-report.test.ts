// A stored run downloaded from the page must read as the CLI's own report of the same run.
import { describe, expect, it } from "vitest";
import { toJsonReport } from "../reporters/json";
import { toJUnitXml } from "../reporters/junit";
import { OPTIONS_DEVIATION } from "../options-shape";
import { ONE_CEREMONY_AT_A_TIME_HINT } from "../run-hints";
import type { CaseResult } from "../types";
import { reportFileName, storedRunReport } from "./stored-report";

const failed: CaseResult = {
  id: "Server-ServerPublicKeyCredentialCreationOptions-Req-1 P-1",
  family: "Server-ServerPublicKeyCredentialCreationOptions-Req-1",
  title: "options",
  outcome: "fail",
  reason: "refused what must be accepted",
  failure: { message: "refused what must be accepted", expected: "HTTP 200", received: "HTTP 400" },
  exchanges: [],
  durationMs: 7,
};
const run = {
  target: "http://localhost:3000/fido",
  startedAt: new Date("2026-01-01T00:00:00.000Z"),
  finishedAt: new Date("2026-01-01T00:00:02.500Z"),
  summary: { total: 1, pass: 0, fail: 1, deviation: 0, targetError: 0, notRun: 0, inconclusive: 0, skip: 0 },
  crashedAfter: null,
  cases: [failed],
};

describe("storedRunReport", () => {
  it("gives the JSON contract the CLI writes: summary, crashedAfter and every case, with the target's origin and the run's duration", () => {
    const json = JSON.parse(toJsonReport(storedRunReport(run, 4)));
    expect(json).toMatchObject({
      target: run.target,
      origin: "http://localhost:3000",
      startedAt: "2026-01-01T00:00:00.000Z",
      durationMs: 2500,
      summary: run.summary,
      crashedAfter: null,
      hints: [],
    });
    expect(json.cases).toEqual([failed]);
  });

  it("gives JUnit whose counts are the stored summary's", () => {
    const xml = toJUnitXml(storedRunReport(run, 4));
    expect(xml).toContain(
      '<testsuites name="FIDO2 server conformance: http://localhost:3000/fido" tests="1" failures="1" errors="0" skipped="0" time="2.500"',
    );
    expect(xml).toContain('<failure message="refused what must be accepted"');
  });

  it("counts a run still going up to now", () => {
    expect(storedRunReport({ ...run, finishedAt: null }, 4, run.startedAt.getTime() + 900).durationMs).toBe(900);
  });

  it("carries the --concurrency 1 hint when a stored case was given another user's options", () => {
    const overlapped = {
      ...failed,
      outcome: "deviation" as const,
      deviations: [{ kind: OPTIONS_DEVIATION.anotherUser, step: "POST /attestation/options", detail: "" }],
    };
    expect(storedRunReport({ ...run, cases: [overlapped] }, 4).hints).toEqual([ONE_CEREMONY_AT_A_TIME_HINT]);
  });

  it("names the files after the run", () => {
    expect(reportFileName("abc", "xml")).toBe("conformance-run-abc.xml");
  });
});
