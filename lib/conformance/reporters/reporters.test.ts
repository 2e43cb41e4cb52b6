// The three ways a report leaves the runner: JUnit XML for CI, JSON for tools, a table for people.
import { describe, expect, it } from "vitest";
import { OWN_CASES_EXPLAINED } from "../case-source";
import type { CaseResult, SuiteReport } from "../types";
import { formatConsoleTable } from "./console-table";
import { toJsonReport } from "./json";
import { toJUnitXml } from "./junit";

function deviation(id: string): CaseResult {
  const kind = 'refusal: "status" is missing, not "failed"';
  const detail = 'HTTP 400 {"errorMessage":"bad id"}';
  const exchanges = [
    {
      request: { method: "POST" as const, url: "http://localhost:3000/fido/attestation/result", body: {} },
      response: { status: 400, body: { errorMessage: "bad id" } },
      durationMs: 1,
    },
  ];
  return {
    id,
    family: "Server-ServerAuthenticatorAttestationResponse-Resp-1",
    title: "refused",
    outcome: "deviation",
    reason: kind,
    deviations: [{ kind, step: "POST /attestation/result", detail }],
    exchanges,
    durationMs: 2,
  };
}

const report: SuiteReport = {
  target: "http://localhost:3000/fido",
  origin: "http://localhost:3000",
  startedAt: "2026-01-01T00:00:00.000Z",
  durationMs: 1234,
  summary: { total: 7, pass: 1, fail: 1, deviation: 2, targetError: 1, notRun: 1, inconclusive: 0, skip: 1 },
  crashedAfter: "PasskeyLab-Robustness attestation/result not-json",
  hints: [],
  cases: [
    {
      id: "Server-ServerAuthenticatorAttestationResponse-Resp-1 F-1",
      family: "Server-ServerAuthenticatorAttestationResponse-Resp-1",
      title: "id missing",
      outcome: "pass",
      reason: "",
      exchanges: [],
      durationMs: 12,
    },
    {
      id: "PasskeyLab-Security-26 concurrent-replay",
      family: "PasskeyLab-Security",
      title: "20 copies <at once> & exactly one",
      outcome: "fail",
      reason: 'concurrent copies "accepted"',
      failure: { message: 'concurrent copies "accepted"', expected: "exactly 1", received: "3 of 20\u0001" },
      exchanges: [
        {
          request: { method: "POST", url: "http://localhost:3000/fido/assertion/result", body: { id: "AAAA" } },
          response: { status: 200, body: { status: "ok" } },
          durationMs: 5,
        },
      ],
      durationMs: 40,
    },
    {
      id: "Server-ServerAuthenticatorAttestationResponse-Resp-9 P-1",
      family: "Server-ServerAuthenticatorAttestationResponse-Resp-9",
      title: "tpm",
      outcome: "skip",
      reason: "no tpm here",
      exchanges: [],
      durationMs: 0,
    },
    deviation("Server-ServerAuthenticatorAttestationResponse-Resp-1 F-2"),
    deviation("Server-ServerAuthenticatorAttestationResponse-Resp-1 F-3"),
    {
      id: "PasskeyLab-Robustness attestation/result not-json",
      family: "PasskeyLab-Robustness",
      title: "not JSON",
      outcome: "target-error",
      reason: "POST /attestation/result: no answer",
      failure: {
        message: "POST /attestation/result: no answer",
        expected: "a JSON answer below HTTP 500",
        received: "HTTP 0 {}",
      },
      exchanges: [],
      durationMs: 3,
    },
    {
      id: "PasskeyLab-Robustness assertion/result not-json",
      family: "PasskeyLab-Robustness",
      title: "not JSON",
      outcome: "not-run",
      reason: "the target stopped answering after PasskeyLab-Robustness attestation/result not-json",
      exchanges: [],
      durationMs: 0,
    },
  ],
};

describe("JUnit XML", () => {
  const xml = toJUnitXml(report);

  it("counts fails as failures, target-errors as errors, skips and not-runs as skipped, per family and in total", () => {
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="FIDO2 server conformance: http:\/\/localhost:3000\/fido" tests="7" failures="1" errors="1" skipped="2" time="1.234"/,
    );
    expect(xml).toContain(
      '<testsuite name="PasskeyLab-Security" tests="1" failures="1" errors="0" skipped="0" time="0.040">',
    );
    expect(xml).toContain(
      '<testsuite name="PasskeyLab-Robustness" tests="2" failures="0" errors="1" skipped="1" time="0.003">',
    );
    expect(xml.match(/<testcase /g)).toHaveLength(7);
  });

  it("carries the failure's expected vs received and exchanges, the skip's reason, all escaped", () => {
    expect(xml).toContain(
      '<failure message="concurrent copies &quot;accepted&quot;" type="ConformanceFailure">20 copies &lt;at once&gt; &amp; exactly one\nexpected: exactly 1\nreceived: 3 of 20\uFFFD',
    );
    expect(xml).toContain("http://localhost:3000/fido/assertion/result");
    expect(xml).toContain('<skipped message="no tpm here"/>');
    expect(xml).toContain(
      '<skipped message="not run: the target stopped answering after PasskeyLab-Robustness attestation/result not-json"/>',
    );
    expect(xml).toContain('<error message="POST /attestation/result: no answer" type="TargetError">');
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
  });

  it("gives a deviation no failure: its kind as a property, what came back in system-out", () => {
    const deviationCase = xml.slice(xml.indexOf('name="Server-ServerAuthenticatorAttestationResponse-Resp-1 F-2"'));
    const element = deviationCase.slice(0, deviationCase.indexOf("</testcase>"));
    expect(element).not.toContain("<failure");
    expect(element).toContain(
      '<property name="outcome" value="deviation"/><property name="deviation" value="refusal: &quot;status&quot; is missing, not &quot;failed&quot;"/>',
    );
    expect(element).toContain("<system-out>refused\nrefusal: &quot;status&quot; is missing");
  });
});

describe("JSON and the console table", () => {
  it("writes the whole report as JSON, in the documented contract", () => {
    const json = JSON.parse(toJsonReport(report));
    expect(json).toEqual(report);
    expect(Object.keys(json.summary)).toEqual([
      "total",
      "pass",
      "fail",
      "deviation",
      "targetError",
      "notRun",
      "inconclusive",
      "skip",
    ]);
    for (const result of json.cases)
      expect(result).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          family: expect.any(String),
          title: expect.any(String),
          outcome: expect.any(String),
          reason: expect.any(String),
          exchanges: expect.any(Array),
        }),
      );
  });

  it("prints the classes and time first, then each fail in full, then the crash, then deviations grouped by kind", () => {
    const table = formatConsoleTable(report);
    const lines = table.split("\n");
    expect(lines[0]).toBe(
      "http://localhost:3000/fido (origin http://localhost:3000): 7 cases in 1.2 s: pass 1 · fail 1 · deviation 2 · target-error 1 · not-run 1 · inconclusive 0 · skip 1",
    );
    // The one fail is ours, not FIDO's: the line under the summary says so, so nobody reads it as a FIDO failure.
    expect(lines[1]).toBe(
      `Of the fails, 0 are from FIDO's list and 1 from Passkey Lab's security bar. ${OWN_CASES_EXPLAINED}`,
    );
    expect(
      formatConsoleTable({ ...report, cases: report.cases.filter((result) => result.outcome !== "fail") }),
    ).not.toContain("security bar");
    expect(table).toContain("FAIL PasskeyLab-Security-26 concurrent-replay — 20 copies <at once> & exactly one\n");
    expect(table).toContain("  expected: exactly 1\n  received: 3 of 20");
    expect(table).toContain('  last request: POST http://localhost:3000/fido/assertion/result {"id":"AAAA"}');
    expect(table).toContain(
      "The target stopped answering after PasskeyLab-Robustness attestation/result not-json; the 1 cases after it were not run.",
    );
    expect(lines.at(-1)).toBe(
      '  2  refusal: "status" is missing, not "failed"  e.g. Server-ServerAuthenticatorAttestationResponse-Resp-1 F-2, Server-ServerAuthenticatorAttestationResponse-Resp-1 F-3',
    );
    expect(table.indexOf("FAIL ")).toBeLessThan(table.indexOf("TARGET ERROR"));
    expect(table.indexOf("TARGET ERROR")).toBeLessThan(table.indexOf("Deviations"));
  });
});
