// The conformance CLI as another project's CI runs it: `scripts/conformance.ts` as a child process against the real
// server (`npm start`: server.mjs on the build), over HTTP, judged only by its exit code, its output and the files it
// writes.
// The JUnit file is kept at test-results/conformance.xml for CI to collect.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { SuiteReport } from "@/lib/conformance/types";
import {
  parseJUnitXml,
  runConformanceCli,
  startAcceptingTarget,
  type AcceptingTarget,
  type CliRun,
  type JUnitReport,
} from "./conformance-cli";
import { newDatabase, removeDatabase } from "./database";
import { freePorts, originOf, REPO_ROOT, startServer, stopAllServers } from "./servers";

// The whole suite takes a few seconds against a local server when the machine is idle, half a minute when builds share
// its two cores. Each test's budget is the CLI's plus the server's start (at most 60 s, durability/servers.ts) plus
// slack, so a hung CLI is killed and reported with its output before Vitest gives up on the test.
const RUN_TIMEOUT_MS = 120_000;
const USAGE_TIMEOUT_MS = 30_000;
const SLACK_MS = 20_000;

const database = newDatabase();
let acceptingTarget: AcceptingTarget | undefined;
afterEach(async () => {
  await acceptingTarget?.close();
  acceptingTarget = undefined;
  await stopAllServers();
});
afterAll(() => removeDatabase(database));

/** Everything the CLI printed, for a failed expectation's message. */
const printed = (run: CliRun) =>
  `exit ${run.code} (signal ${run.signal})\n--- stdout\n${run.stdout.slice(-4000)}\n--- stderr\n${run.stderr.slice(-4000)}`;

function readReports(junitPath: string, jsonPath: string): { junit: JUnitReport; json: SuiteReport } {
  return {
    junit: parseJUnitXml(readFileSync(junitPath, "utf8")),
    json: JSON.parse(readFileSync(jsonPath, "utf8")) as SuiteReport,
  };
}

/** The JUnit file and the JSON report describe the same run: same totals, same cases, same outcomes. */
function expectSameRun(junit: JUnitReport, json: SuiteReport) {
  const { total, pass, fail, deviation, targetError, notRun, inconclusive, skip } = json.summary;
  expect(json.cases).toHaveLength(total);
  expect(pass + fail + deviation + targetError + notRun + inconclusive + skip).toBe(total);
  const skipped = skip + notRun;
  expect({ tests: junit.tests, failures: junit.failures, errors: junit.errors, skipped: junit.skipped }).toEqual({
    tests: total,
    failures: fail,
    errors: targetError,
    skipped,
  });
  const sum = (key: "tests" | "failures" | "errors" | "skipped") =>
    junit.suites.reduce((count, suite) => count + suite[key], 0);
  expect({ tests: sum("tests"), failures: sum("failures"), errors: sum("errors"), skipped: sum("skipped") }).toEqual({
    tests: total,
    failures: fail,
    errors: targetError,
    skipped,
  });
  const fromJunit = junit.suites.flatMap((suite) =>
    suite.cases.map((testCase) => ({
      id: testCase.name,
      family: testCase.classname,
      failed: testCase.failure !== undefined,
      broke: testCase.error !== undefined,
      reason: testCase.skipped,
    })),
  );
  const skipReason = (result: SuiteReport["cases"][number]) =>
    result.outcome === "skip" ? result.reason : result.outcome === "not-run" ? `not run: ${result.reason}` : undefined;
  const fromJson = json.cases.map((result) => ({
    id: result.id,
    family: result.family,
    failed: result.outcome === "fail",
    broke: result.outcome === "target-error",
    reason: skipReason(result),
  }));
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  expect(fromJunit.sort(byId)).toEqual(fromJson.sort(byId));
}

describe("the conformance CLI against npm start", () => {
  it(
    "passes every case the server supports, skips the rest with a reason, prints the table and writes JUnit and JSON that agree",
    async () => {
      const metadataDir = join(database.dir, "fido-metadata");
      mkdirSync(metadataDir, { recursive: true });
      // The server reads the suite's per-run attestation root from its metadata folder (docs/decisions/006).
      process.env.FIDO_CONFORMANCE_API = "on";
      process.env.FIDO_METADATA_DIR = metadataDir;
      const [port] = await freePorts(1);
      const server = await startServer({
        port,
        databaseUrl: database.url,
        authSecret: database.authSecret,
        origins: [originOf(port)],
      });
      const junitPath = "test-results/conformance.xml";
      const jsonPath = "test-results/conformance.json";
      // A file left by an earlier run must not pass for this one's.
      for (const path of [junitPath, jsonPath]) rmSync(join(REPO_ROOT, path), { force: true });

      const target = `${server.url}/fido`;
      const run = await runConformanceCli(
        [
          "--target",
          target,
          "--metadata-dir",
          metadataDir,
          "--junit",
          junitPath,
          "--json",
          jsonPath,
          "--concurrency",
          "4",
        ],
        RUN_TIMEOUT_MS,
      );

      expect(run.code, printed(run)).toBe(0);
      const { junit, json } = readReports(join(REPO_ROOT, junitPath), join(REPO_ROOT, jsonPath));
      expectSameRun(junit, json);
      const { total, pass, skip } = json.summary;
      expect(json.summary, printed(run)).toMatchObject({
        fail: 0,
        deviation: 0,
        targetError: 0,
        notRun: 0,
        inconclusive: 0,
      });
      expect(json.crashedAfter).toBeNull();
      expect(pass).toBeGreaterThan(200);
      expect(skip).toBeGreaterThan(0);
      for (const result of json.cases.filter((each) => each.outcome === "skip"))
        expect(result.reason, result.id).toMatch(/\S/);

      // The table: the count of each class and the time first; nothing failed, broke or deviated, so nothing more.
      const lines = run.stdout.split("\n");
      expect(lines[0].startsWith(`${target} (origin ${server.url}): ${total} cases in `)).toBe(true);
      expect(lines[0]).toMatch(
        new RegExp(
          ` s: pass ${pass} · fail 0 · deviation 0 · target-error 0 · not-run 0 · inconclusive 0 · skip ${skip}$`,
        ),
      );
      expect(lines.filter((line) => /^(FAIL|TARGET ERROR|Deviations)/.test(line))).toEqual([]);
      expect(lines).toEqual(expect.arrayContaining([`wrote ${junitPath}`, `wrote ${jsonPath}`]));
    },
    60_000 + RUN_TIMEOUT_MS + SLACK_MS,
  );

  it(
    "exits 1 and lists each fail when the target accepts everything",
    async () => {
      acceptingTarget = await startAcceptingTarget();
      const output = join(database.dir, "accepting-target");
      const junitPath = join(output, "conformance.xml");
      const jsonPath = join(output, "conformance.json");

      const run = await runConformanceCli(
        ["--target", acceptingTarget.url, "--junit", junitPath, "--json", jsonPath],
        RUN_TIMEOUT_MS,
      );

      expect(run.code, printed(run)).toBe(1);
      expect(acceptingTarget.requests()).toBeGreaterThan(0);
      const { junit, json } = readReports(junitPath, jsonPath);
      expectSameRun(junit, json);
      const failedCases = json.cases.filter((result) => result.outcome === "fail");
      expect(failedCases.length).toBeGreaterThan(0);
      expect(junit.failures).toBe(failedCases.length);
      // Every failure is listed on stdout with its title and expected vs received, and on stderr as it happens.
      for (const result of failedCases) {
        expect(run.stdout, result.id).toContain(
          `FAIL ${result.id} — ${result.title}\n  ${result.failure!.message}\n  expected: ${result.failure!.expected}\n`,
        );
        expect(run.stderr, result.id).toContain(`FAIL ${result.id}\n`);
      }
      // A response a conformant server must refuse, accepted: the failure says so.
      expect(failedCases.map((result) => result.failure!.received).join("\n")).toContain('"status":"ok"');
    },
    RUN_TIMEOUT_MS + SLACK_MS,
  );

  it(
    "exits 2 with the problem and the usage for a missing or non-http --target or an unknown option, and runs nothing",
    async () => {
      const output = join(database.dir, "usage-errors");
      const [noTarget, ftpTarget, unknownOption] = await Promise.all([
        runConformanceCli(["--junit", join(output, "no-target.xml")], USAGE_TIMEOUT_MS),
        runConformanceCli(
          ["--target", "ftp://localhost/fido", "--junit", join(output, "ftp-target.xml")],
          USAGE_TIMEOUT_MS,
        ),
        runConformanceCli(
          ["--target", "http://localhost:9/fido", "--junit", join(output, "unknown-option.xml"), "--bogus"],
          USAGE_TIMEOUT_MS,
        ),
      ]);

      for (const run of [noTarget, ftpTarget]) {
        expect(run.code, printed(run)).toBe(2);
        expect(run.stderr).toMatch(
          /^--target must be an http\(s\) URL\n\nUsage: npm run conformance -- --target <base URL>/,
        );
      }
      expect(unknownOption.code, printed(unknownOption)).toBe(2);
      expect(unknownOption.stderr).toMatch(
        /^Unknown option '--bogus'.*\n\nUsage: npm run conformance -- --target <base URL>/,
      );
      for (const run of [noTarget, ftpTarget, unknownOption]) expect(run.stdout, printed(run)).toBe("");
      expect(existsSync(output)).toBe(false);
    },
    USAGE_TIMEOUT_MS + SLACK_MS,
  );
});
