// The CLI as a CI step runs it (a child process, read by its exit code, output and files) against targets of one known
// behaviour: deviations alone pass unless --strict, a crash fails and is named, the --metadata-dir hint comes only when
// it explains a refusal, a usage error is 2.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  acceptsEverything,
  crashesOn,
  refusalsWithoutStatus,
  startOwnRelyingParty,
  startReshapingTarget,
} from "./test-support/reshaping-targets";
import { TEST_ROOT_HINT } from "./test-root-hint";
import type { SuiteReport } from "./types";

type CliRun = { code: number; stdout: string; stderr: string };

/** `npm run conformance -- …args`, without npm: exit code and output, whatever the code. */
const runCli = (args: string[]) =>
  new Promise<CliRun>((resolve) => {
    execFile(
      "npx",
      ["tsx", "--conditions=react-server", "scripts/conformance.ts", ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });

const relyingParty = await startOwnRelyingParty();
const deviating = await startReshapingTarget(relyingParty.url, refusalsWithoutStatus);
const crashing = await startReshapingTarget(relyingParty.url, crashesOn("/attestation/result", "[1, 2, 3]"));
const accepting = await startReshapingTarget(relyingParty.url, acceptsEverything);
afterAll(async () => {
  await Promise.all([deviating.close(), crashing.close(), accepting.close()]);
  await relyingParty.close();
});
const output = mkdtempSync(join(tmpdir(), "conformance-cli-"));
const origin = ["--origin", relyingParty.origin];

describe("the conformance CLI's exit codes", () => {
  it("exits 0 when the only findings are deviations, 1 for the same run with --strict, and prints them grouped", async () => {
    const filter = ["--filter", "PasskeyLab-Security-18 ", "--concurrency", "2"];
    const [lenient, strict] = await Promise.all([
      runCli(["--target", deviating.url, ...origin, ...filter]),
      runCli(["--target", deviating.url, ...origin, ...filter, "--strict"]),
    ]);
    expect(lenient.code, lenient.stdout + lenient.stderr).toBe(0);
    expect(strict.code, strict.stdout + strict.stderr).toBe(1);
    expect(lenient.stdout).toMatch(
      /^http:\/\/localhost:\d+\/fido \(origin http:\/\/localhost:\d+\): \d+ cases in [\d.]+ s: pass 0 · fail 0 · deviation \d+ · target-error 0/,
    );
    expect(lenient.stdout).toMatch(
      /^ +\d+ {2}refusal: "status" is missing, not "failed" {2}e\.g\. PasskeyLab-Security-18 \S+ \S+, /m,
    );
  }, 90_000);

  it("exits 1 when the target dies, names the case it died on, and writes JSON and JUnit that say so", async () => {
    const json = join(output, "crash.json");
    const junit = join(output, "crash.xml");
    const run = await runCli([
      "--target",
      crashing.url,
      ...origin,
      "--filter",
      "not-an-object",
      "--concurrency",
      "1",
      "--json",
      json,
      "--junit",
      junit,
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = JSON.parse(readFileSync(json, "utf8")) as SuiteReport;
    expect(report.crashedAfter).toBe("PasskeyLab-Security-18 attestation/result not-an-object");
    expect(report.summary).toMatchObject({ total: 4, pass: 1, targetError: 1, notRun: 2, fail: 0 });
    expect(run.stdout).toContain(
      "The target stopped answering after PasskeyLab-Security-18 attestation/result not-an-object; the 2 cases after it were not run.",
    );
    expect(readFileSync(junit, "utf8")).toMatch(/<testsuites [^>]*tests="4" failures="0" errors="1" skipped="2"/);
  }, 90_000);

  it("hints at --metadata-dir only when a full-attestation registration was refused for want of it", async () => {
    const packedFull = ["--filter", "Resp-5 P-1", "--concurrency", "1"];
    const [untrusting, trusting, deviationsOnly] = await Promise.all([
      runCli(["--target", relyingParty.url, ...origin, ...packedFull]),
      runCli(["--target", relyingParty.url, ...origin, ...packedFull, "--metadata-dir", relyingParty.metadataDir]),
      runCli(["--target", deviating.url, ...origin, "--filter", "PasskeyLab-Security-18 ", "--concurrency", "2"]),
    ]);
    expect(untrusting.code, untrusting.stdout + untrusting.stderr).toBe(1);
    expect(untrusting.stderr).toContain(TEST_ROOT_HINT);
    expect(trusting.code, trusting.stdout + trusting.stderr).toBe(0);
    expect(trusting.stderr).not.toContain("Hint:");
    expect(deviationsOnly.stderr).not.toContain("Hint:");
  }, 90_000);

  it("gives no --metadata-dir hint when the target accepted a broken full-attestation chain: trusting less would not help", async () => {
    const run = await runCli(["--target", accepting.url, ...origin, "--filter", "Resp-5 F-6", "--concurrency", "1"]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/fail 1 /);
    expect(run.stderr).not.toContain("Hint:");
  }, 60_000);

  it("exits 2 on a usage error, and runs nothing", async () => {
    const run = await runCli(["--target", deviating.url, "--concurrency", "zero"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^--concurrency must be a whole number/);
    // The Server-MDS3 service needs the command that points the target at it, and a run without folder metadata.
    const noSetup = await runCli(["--target", deviating.url, "--mds-port", "0"]);
    expect([noSetup.code, noSetup.stderr]).toEqual([2, expect.stringMatching(/^--mds-port needs --mds-setup/)]);
    const withFolder = await runCli([
      "--target",
      deviating.url,
      "--mds-port",
      "0",
      "--mds-setup",
      "true",
      "--metadata-dir",
      "x",
    ]);
    expect([withFolder.code, withFolder.stderr]).toEqual([
      2,
      expect.stringMatching(/^--mds-port runs without --metadata-dir/),
    ]);
  }, 60_000);
});
