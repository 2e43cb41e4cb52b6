// The outcome classes against targets with one known behaviour each: our own relying party, in process, behind a
// target that changes only the shape of its answers, or that stops answering on one named case. The decisions are
// real; what is under test is how the suite reads them (docs/decisions/016-conformance-outcomes.md).
import { afterAll, describe, expect, it } from "vitest";
import { allCases } from "./cases";
import { toJUnitXml } from "./reporters/junit";
import { OPTIONS_DEVIATION } from "./options-shape";
import { formatConsoleTable } from "./reporters/console-table";
import { toJsonReport } from "./reporters/json";
import { ONE_CEREMONY_AT_A_TIME_HINT } from "./run-hints";
import { runSuite } from "./run-suite";
import {
  acceptsEverything,
  crashesOn,
  dropsFromOptions,
  keepsOneCurrentUser,
  refusalsAsEmptyStatus,
  refusalsWithoutStatus,
  refusesEverything,
  startOwnRelyingParty,
  startReshapingTarget,
  type Reshape,
  type RunningTarget,
} from "./test-support/reshaping-targets";
import type { CaseOutcome, SuiteReport } from "./types";

const FAMILIES = new Set([
  "Server-ServerPublicKeyCredentialCreationOptions-Req-1",
  "Server-ServerAuthenticatorAttestationResponse-Resp-1",
  "Server-ServerAuthenticatorAssertionResponse-Resp-1",
  "PasskeyLab-Robustness",
]);
const cases = allCases().filter((testCase) => FAMILIES.has(testCase.family));
/** FIDO's own ids say which cases must be refused (F-n) and which accepted (P-n); our security lines are refusals but two. */
const OWN_POSITIVES = new Set([
  "PasskeyLab-Security-14 credential-id-1023-bytes",
  "PasskeyLab-Security-12 user-handle-omitted",
]);
const negative = (id: string) =>
  / F-\d+$/.test(id) || (id.startsWith("PasskeyLab-Security-") && !OWN_POSITIVES.has(id));
const positive = (id: string) => / P-\d+$/.test(id);

/** The options case itself, one that uses the options, and a registration followed by a sign-in. */
const OPTIONS_CASES = [
  "Server-ServerPublicKeyCredentialCreationOptions-Req-1 P-1",
  "Server-ServerPublicKeyCredentialCreationOptions-Req-1 P-2",
  "Server-ServerAuthenticatorAttestationResponse-Resp-6 P-1",
];

const relyingParty = await startOwnRelyingParty();
const targets: RunningTarget[] = [];
afterAll(async () => {
  await Promise.all(targets.map((target) => target.close()));
  await relyingParty.close();
});

async function runAgainst(
  reshape: Reshape,
  options: { concurrency?: number; only?: typeof cases } = {},
): Promise<SuiteReport> {
  const target = await startReshapingTarget(relyingParty.url, reshape);
  targets.push(target);
  return runSuite({
    target: target.url,
    origin: relyingParty.origin,
    cases: options.only ?? cases,
    concurrency: options.concurrency ?? 4,
  });
}

const outcomesOf = (report: SuiteReport, which: (id: string) => boolean) =>
  new Set(report.cases.filter((result) => which(result.id)).map((result) => result.outcome));
const junitTotals = (xml: string) =>
  /<testsuites [^>]*tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)"/.exec(xml)!.slice(1).map(Number);

describe("outcome classes against targets of one known behaviour", () => {
  it("a target refusing with HTTP 400 {errorMessage} and no status: only deviations, no fails", async () => {
    const report = await runAgainst(refusalsWithoutStatus);
    expect(report.summary).toMatchObject({ fail: 0, targetError: 0, notRun: 0, inconclusive: 0 });
    expect(outcomesOf(report, negative)).toEqual(new Set<CaseOutcome>(["deviation"]));
    expect(outcomesOf(report, positive)).toEqual(new Set<CaseOutcome>(["pass"]));
    const deviation = report.cases.find((result) => result.outcome === "deviation")!;
    expect(deviation.reason).toContain('refusal: "status" is missing, not "failed"');
    expect(deviation.exchanges.at(-1)?.response.status).toBe(400);
    // JUnit: no failure and no error; the deviations travel as properties.
    const xml = toJUnitXml(report);
    expect(junitTotals(xml)).toEqual([report.summary.total, 0, 0, report.summary.skip]);
    expect(xml.match(/<property name="outcome" value="deviation"\/>/g)).toHaveLength(report.summary.deviation);
  }, 60_000);

  it('a target refusing with HTTP 200 {"status": ""}: the refusals are refusals, in the wrong shape', async () => {
    const report = await runAgainst(refusalsAsEmptyStatus);
    expect(report.summary).toMatchObject({ fail: 0, targetError: 0, notRun: 0 });
    expect(outcomesOf(report, negative)).toEqual(new Set<CaseOutcome>(["deviation"]));
    expect(outcomesOf(report, positive)).toEqual(new Set<CaseOutcome>(["pass"]));
    const kinds = new Set(
      report.cases.flatMap((result) => (result.deviations ?? []).map((deviation) => deviation.kind)),
    );
    expect(kinds).toContain("refusal: HTTP 200, not 4xx");
    expect(kinds).toContain('refusal: "status" is "", not "failed"');
    expect(junitTotals(toJUnitXml(report))).toEqual([report.summary.total, 0, 0, report.summary.skip]);
  }, 60_000);

  it("a target accepting everything: every negative case fails, every positive one passes", async () => {
    const report = await runAgainst(acceptsEverything);
    expect(outcomesOf(report, negative)).toEqual(new Set<CaseOutcome>(["fail"]));
    expect(outcomesOf(report, positive)).toEqual(new Set<CaseOutcome>(["pass"]));
    expect(report.summary).toMatchObject({ targetError: 0, deviation: 0, notRun: 0 });
    const failed = report.cases.find((result) => result.outcome === "fail")!;
    expect(failed.failure?.expected).toMatch(/^HTTP (4xx|413) \{"status":"failed","errorMessage":"<why>"\}$/);
    expect(failed.failure?.received).toContain('"status":"ok"');
    const xml = toJUnitXml(report);
    expect(junitTotals(xml)).toEqual([report.summary.total, report.summary.fail, 0, report.summary.skip]);
  }, 60_000);

  it("a target refusing everything: every negative case is inconclusive (each has a twin), positives fail, nothing passes", async () => {
    const report = await runAgainst(refusesEverything, { only: allCases() });
    // A negative case without a twin would read the refusal as a pass or, from its shape, a deviation.
    expect(report.summary).toMatchObject({ pass: 0, deviation: 0, targetError: 0, notRun: 0 });
    expect(report.summary.inconclusive + report.summary.fail + report.summary.skip).toBe(report.summary.total);
    expect(outcomesOf(report, negative)).toEqual(new Set<CaseOutcome>(["inconclusive", "skip"]));
    expect(outcomesOf(report, positive)).toEqual(new Set<CaseOutcome>(["fail", "skip"]));
    // Our own negative cases too: robustness, options without a username, the security lines.
    for (const id of [
      "PasskeyLab-Security-25 registration-replay",
      "PasskeyLab-Security-18 attestation/result not-json",
      "PasskeyLab-Options registration-username-missing",
    ]) {
      expect(report.cases.find((result) => result.id === id)?.outcome, id).toBe("inconclusive");
    }
    expect(report.cases.find((result) => result.outcome === "inconclusive")?.reason).toMatch(
      /, but the same ceremony without the mutation was refused too \(POST \/attestation\/options: the server did not accept it: HTTP 400/,
    );
    const xml = toJUnitXml(report);
    expect(junitTotals(xml)).toEqual([report.summary.total, report.summary.fail, 0, report.summary.skip]);
    expect(xml.match(/<property name="outcome" value="inconclusive"\/>/g)).toHaveLength(report.summary.inconclusive);
  }, 60_000);

  it("options without a field WebAuthn gives a default for (rp, pubKeyCredParams): a deviation of that kind, and every ceremony goes on", async () => {
    const only = allCases().filter((testCase) => OPTIONS_CASES.includes(testCase.id));
    for (const [field, kind] of [
      ["rp", OPTIONS_DEVIATION.rpMissing],
      ["pubKeyCredParams", OPTIONS_DEVIATION.pubKeyCredParamsMissing],
    ] as const) {
      const report = await runAgainst(dropsFromOptions("/attestation/options", field), { only });
      expect(report.summary, field).toMatchObject({
        total: OPTIONS_CASES.length,
        pass: 0,
        fail: 0,
        targetError: 0,
        inconclusive: 0,
        deviation: OPTIONS_CASES.length,
      });
      for (const result of report.cases)
        expect(
          result.deviations?.map((deviation) => deviation.kind),
          result.id,
        ).toContain(kind);
    }
  }, 60_000);

  it("options without a challenge or a user.id: no ceremony can follow, so the cases that need one fail and say which field", async () => {
    const only = allCases().filter((testCase) => OPTIONS_CASES.includes(testCase.id));
    const missing = [
      [
        "/attestation/options",
        "challenge",
        'POST /attestation/options: the options have no "challenge", so no ceremony can follow',
      ],
      [
        "/attestation/options",
        "user.id",
        'POST /attestation/options: the options have no "user.id", so no credential can be made',
      ],
    ] as const;
    for (const [path, field, reason] of missing) {
      const report = await runAgainst(dropsFromOptions(path, field), { only });
      expect(report.summary, field).toMatchObject({ fail: OPTIONS_CASES.length, targetError: 0 });
      expect(new Set(report.cases.map((result) => result.reason)), field).toEqual(new Set([reason]));
    }
    // Sign-in options without a challenge: the registration goes through, the sign-in cannot start.
    const report = await runAgainst(dropsFromOptions("/assertion/options", "challenge"), {
      only: only.filter((testCase) => testCase.id.endsWith("Resp-6 P-1")),
    });
    expect(report.cases.map((result) => [result.outcome, result.reason])).toEqual([
      ["fail", 'POST /assertion/options: the options have no "challenge", so no ceremony can follow'],
    ]);
  }, 60_000);

  it("a target that keeps one current user: overlapping cases get another user's options, and the report says to rerun with --concurrency 1", async () => {
    const only = allCases().filter(
      (testCase) => testCase.family === "Server-ServerAuthenticatorAttestationResponse-Resp-4",
    );
    const overlapping = await runAgainst(keepsOneCurrentUser(), { only, concurrency: 4 });
    expect(overlapping.hints).toEqual([ONE_CEREMONY_AT_A_TIME_HINT]);
    expect(JSON.parse(toJsonReport(overlapping)).hints).toEqual([ONE_CEREMONY_AT_A_TIME_HINT]);
    expect(formatConsoleTable(overlapping).split("\n").at(-1)).toBe(`Hint: ${ONE_CEREMONY_AT_A_TIME_HINT}`);

    // One at a time, nothing overlaps: every case passes (or is an optional one skipped) and there is nothing to suggest.
    const oneAtATime = await runAgainst(keepsOneCurrentUser(), { only, concurrency: 1 });
    expect(oneAtATime.summary).toMatchObject({
      pass: only.length - oneAtATime.summary.skip,
      fail: 0,
      deviation: 0,
      targetError: 0,
    });
    expect(oneAtATime.hints).toEqual([]);
    expect(formatConsoleTable(oneAtATime)).not.toContain("Hint:");
  }, 60_000);

  it("a target that dies on one case: exactly one target-error, every later case not run, crashedAfter names it", async () => {
    const robustness = cases.filter((testCase) => testCase.family === "PasskeyLab-Robustness");
    const fatal = "PasskeyLab-Security-18 attestation/result not-an-object";
    const fatalAt = robustness.findIndex((testCase) => testCase.id === fatal);
    expect(fatalAt).toBeGreaterThan(0);
    const report = await runAgainst(crashesOn("/attestation/result", "[1, 2, 3]"), {
      concurrency: 1,
      only: robustness,
    });

    expect(report.crashedAfter).toBe(fatal);
    expect(report.cases.map((result) => result.outcome)).toEqual(
      robustness.map((_, index) => (index < fatalAt ? "pass" : index === fatalAt ? "target-error" : "not-run")),
    );
    expect(report.cases[fatalAt].reason).toBe("POST /attestation/result: no answer");
    expect(report.cases.at(-1)?.reason).toBe(`the target stopped answering after ${fatal}`);
    expect(report.summary).toMatchObject({
      total: robustness.length,
      pass: fatalAt,
      targetError: 1,
      notRun: robustness.length - fatalAt - 1,
      fail: 0,
    });
    const xml = toJUnitXml(report);
    expect(junitTotals(xml)).toEqual([robustness.length, 0, 1, robustness.length - fatalAt - 1]);
    expect(xml).toContain(`<error message="POST /attestation/result: no answer" type="TargetError">`);
  }, 60_000);
});
