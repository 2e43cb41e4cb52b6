// The three ways a report leaves the runner: JUnit XML for CI, JSON for tools, a table for people.
import { describe, expect, it } from "vitest";
import type { SuiteReport } from "../types";
import { formatConsoleTable } from "./console-table";
import { toJsonReport } from "./json";
import { toJUnitXml } from "./junit";

const report: SuiteReport = {
  target: "http://localhost:3000/fido",
  origin: "http://localhost:3000",
  startedAt: "2026-01-01T00:00:00.000Z",
  durationMs: 1234,
  summary: { total: 3, passed: 1, failed: 1, skipped: 1 },
  cases: [
    { id: "Server-ServerAuthenticatorAttestationResponse-Resp-1 F-1", family: "Server-ServerAuthenticatorAttestationResponse-Resp-1", title: "id missing", status: "passed", durationMs: 12 },
    {
      id: "PasskeyLab-Security-26 concurrent-replay",
      family: "PasskeyLab-Security",
      title: "20 copies <at once> & exactly one",
      status: "failed",
      failure: { message: 'concurrent copies "accepted"', expected: "exactly 1", received: "3 of 20\u0001" },
      exchanges: [{ request: { method: "POST", url: "http://localhost:3000/fido/assertion/result", body: { id: "AAAA" } }, response: { status: 200, body: { status: "ok" } }, durationMs: 5 }],
      durationMs: 40,
    },
    { id: "Server-ServerAuthenticatorAttestationResponse-Resp-9 P-1", family: "Server-ServerAuthenticatorAttestationResponse-Resp-9", title: "tpm", status: "skipped", reason: "no tpm here", durationMs: 0 },
  ],
};

describe("JUnit XML", () => {
  const xml = toJUnitXml(report);

  it("counts every case per family and in total", () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="FIDO2 server conformance: http:\/\/localhost:3000\/fido" tests="3" failures="1" errors="0" skipped="1" time="1.234"/);
    expect(xml).toContain('<testsuite name="PasskeyLab-Security" tests="1" failures="1" errors="0" skipped="0" time="0.040">');
    expect(xml.match(/<testcase /g)).toHaveLength(3);
  });

  it("carries the failure's expected vs received and exchanges, the skip's reason, all escaped", () => {
    expect(xml).toContain('<failure message="concurrent copies &quot;accepted&quot;" type="ConformanceFailure">20 copies &lt;at once&gt; &amp; exactly one\nexpected: exactly 1\nreceived: 3 of 20\uFFFD');
    expect(xml).toContain("http://localhost:3000/fido/assertion/result");
    expect(xml).toContain('<skipped message="no tpm here"/>');
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
  });
});

describe("JSON and the console table", () => {
  it("writes the whole report as JSON", () => {
    expect(JSON.parse(toJsonReport(report))).toEqual(report);
  });

  it("prints a row per case, a row per family, each failure in full and the totals", () => {
    const table = formatConsoleTable(report);
    expect(table).toMatch(/^pass\s+Server-ServerAuthenticatorAttestationResponse-Resp-1 F-1\s+12$/m);
    expect(table).toMatch(/^skip\s+Server-ServerAuthenticatorAttestationResponse-Resp-9 P-1\s+0\s+no tpm here$/m);
    expect(table).toMatch(/^PasskeyLab-Security\s+0\s+1\s+0$/m);
    expect(table).toContain("  expected: exactly 1\n  received: 3 of 20");
    expect(table).toContain('  last request: POST http://localhost:3000/fido/assertion/result {"id":"AAAA"}');
    expect(table.split("\n").at(-1)).toBe("http://localhost:3000/fido (origin http://localhost:3000): 3 cases, 1 passed, 1 failed, 1 skipped in 1.2 s");
  });
});
