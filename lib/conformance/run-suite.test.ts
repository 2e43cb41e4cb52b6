// The runner on its own: concurrency, progress, filter, and how each outcome is reported.
import { describe, expect, it } from "vitest";
import { CaseFailed, CaseSkipped, expectOk } from "./expectations";
import { runSuite } from "./run-suite";
import type { ConformanceCase, ProgressEvent } from "./types";

const TARGET = "http://localhost:9/fido";
const pause = () => new Promise((resolve) => setImmediate(resolve));

/** A server that answers every request with this status and body, seen only through fetch. */
const answering =
  (status: number, body: unknown): typeof fetch =>
  async () =>
    Response.json(body, { status });

describe("runSuite", () => {
  it("runs at most `concurrency` cases at once, reports progress for each, and keeps the list's order", async () => {
    let inFlight = 0;
    let most = 0;
    const cases: ConformanceCase[] = Array.from({ length: 12 }, (_, index) => ({
      id: `PasskeyLab-Test case-${index}`,
      family: "PasskeyLab-Test",
      title: `case ${index}`,
      run: async () => {
        most = Math.max(most, ++inFlight);
        for (let turn = 0; turn < 12 - index; turn++) await pause();
        inFlight--;
      },
    }));
    const events: ProgressEvent[] = [];
    const report = await runSuite({ target: TARGET, cases, concurrency: 3, onProgress: (event) => events.push(event) });
    expect(most).toBe(3);
    expect(events[0]).toEqual({ type: "start", total: 12 });
    expect(events.slice(1).map((event) => event.type === "case" && event.done)).toEqual(
      Array.from({ length: 12 }, (_, index) => index + 1),
    );
    expect(report.cases.map((result) => result.id)).toEqual(cases.map((testCase) => testCase.id));
    expect(report.summary).toEqual({
      total: 12,
      pass: 12,
      fail: 0,
      deviation: 0,
      targetError: 0,
      notRun: 0,
      inconclusive: 0,
      skip: 0,
    });
    expect(report.crashedAfter).toBeNull();
    expect(report.origin).toBe("http://localhost:9");
  });

  it("reports a wrong decision as a fail with expected, received and every exchange; a skip with its reason; a case's own error as a fail", async () => {
    const cases: ConformanceCase[] = [
      {
        id: "PasskeyLab-Test refused",
        family: "PasskeyLab-Test",
        title: "the server must accept",
        run: async ({ client }) => {
          expectOk(await client.post("/attestation/options", { username: "a" }), "POST /attestation/options");
        },
      },
      {
        id: "PasskeyLab-Test not-here",
        family: "PasskeyLab-Test",
        title: "never runs",
        skip: "the authenticator cannot",
      },
      {
        id: "PasskeyLab-Test optional",
        family: "PasskeyLab-Test",
        title: "optional",
        run: async () => Promise.reject(new CaseSkipped("not supported: HTTP 400")),
      },
      {
        id: "PasskeyLab-Test broken",
        family: "PasskeyLab-Test",
        title: "throws",
        run: async () => Promise.reject(new TypeError("no such thing")),
      },
      {
        id: "PasskeyLab-Test checked",
        family: "PasskeyLab-Test",
        title: "checks",
        run: async () => Promise.reject(new CaseFailed("challenge", "16 to 64 bytes", "8 bytes")),
      },
    ];
    const report = await runSuite({
      target: `${TARGET}/`,
      cases,
      fetch: answering(400, { status: "failed", errorMessage: "boom" }),
    });
    const [refused, notHere, optional, broken, checked] = report.cases;
    expect(refused).toMatchObject({
      outcome: "fail",
      reason: "POST /attestation/options: the server did not accept it",
      failure: {
        message: "POST /attestation/options: the server did not accept it",
        received: 'HTTP 400 {"status":"failed","errorMessage":"boom"}',
      },
      exchanges: [
        {
          request: { method: "POST", url: `${TARGET}/attestation/options`, body: { username: "a" } },
          response: { status: 400 },
        },
      ],
    });
    expect(notHere).toMatchObject({ outcome: "skip", reason: "the authenticator cannot" });
    expect(optional).toMatchObject({ outcome: "skip", reason: "not supported: HTTP 400" });
    expect(broken).toMatchObject({
      outcome: "fail",
      failure: { message: "the case could not run to its end", received: "no such thing" },
    });
    expect(checked).toMatchObject({
      outcome: "fail",
      failure: { message: "challenge", expected: "16 to 64 bytes", received: "8 bytes" },
    });
    expect(report.summary).toMatchObject({ total: 5, pass: 0, fail: 3, skip: 2 });
  });

  it("filters by id or title, case-insensitively", async () => {
    const cases: ConformanceCase[] = ["Resp-1 F-3", "Resp-2 F-1", "Req-1 P-1"].map((id) => ({
      id: `Server-X-${id}`,
      family: "Server-X",
      title: id,
      run: async () => {},
    }));
    const report = await runSuite({ target: TARGET, cases, filter: "resp-" });
    expect(report.cases.map((result) => result.title)).toEqual(["Resp-1 F-3", "Resp-2 F-1"]);
  });
});
