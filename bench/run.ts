// `npm run bench` [-- --quick | --keep]: builds the portal into .next-bench, registers a pool of passkeys through lib/,
// then measures — in one run, side by side — sign-in throughput and latency of the portal (server actions over HTTP)
// and of a framework-free baseline, the in-process ceiling, registration, cold start, first-load JS and the
// troubleshooting wizard; writes bench/results/latest.{json,md,svg} (quick.* for --quick). The one-off experiments
// that docs/performance.md cites were removed; that file names the commit to check out to run them again.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, freemem, loadavg, release, tmpdir, totalmem, type as osType } from "node:os";
import { join } from "node:path";
import { buildPortal, DIST_DIR } from "./build-portal";
import type { BenchContext } from "./context";
import { measureEverything, PAGES, RATIO_LEVEL, type Measurements } from "./full-run";
import { planFromArgs, type Plan } from "./plan";
import { freePort, killAllStarted } from "./processes";
import { writeResults } from "./report";
import type { BenchResults } from "./results-types";
import type { RunningServer } from "./servers";
import { evaluateTargets } from "./targets";

const root = process.cwd();
const plan = planFromArgs(process.argv.slice(2));
const began = performance.now();
const loadAverageAtStart = loadavg();
/** Linux pressure stall information: % of the last minute some task waited for a CPU (others' work on a shared box). */
const cpuPressure = () => {
  try {
    return Number(
      readFileSync("/proc/pressure/cpu", "utf8").match(/some avg10=[\d.]+ avg60=([\d.]+)/)?.[1] ?? Number.NaN,
    );
  } catch {
    return null;
  }
};
const cpuPressureAtStart = cpuPressure();
const work = mkdtempSync(join(tmpdir(), "passkey-lab-bench-"));
const log = (message: string) =>
  console.log(`[bench ${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s] ${message}`);
const packageVersion = (name: string) =>
  (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function assemble(
  measured: Measurements,
  build: { built: boolean; ms: number },
  pool: { accounts: number; ms: number },
  plan: Plan,
): BenchResults {
  const at = (levels: Measurements["portalLevels"], clients: number) =>
    levels.find((level) => level.clients === clients) ?? null;
  const [portal32, baseline32, portal64] = [
    at(measured.portalLevels, RATIO_LEVEL),
    at(measured.baselineLevels, RATIO_LEVEL),
    at(measured.portalLevels, 64),
  ];
  const around = measured.ceilingAround32;
  const ceilingPerSec = around.length
    ? Math.round(around.reduce((sum, value) => sum + value, 0) / around.length)
    : measured.ceilings.signIn.perSec;
  const cpu = cpus();
  const partial: Omit<BenchResults, "targets"> = {
    generatedAt: new Date().toISOString(),
    mode: plan.mode,
    durationS: Math.round((performance.now() - began) / 1000),
    machine: {
      cores: cpu.length,
      cpuModel: cpu[0]?.model ?? "unknown",
      memoryGb: Math.round(totalmem() / 1e9),
      loadAverageAtStart: loadAverageAtStart.map((value) => round(value, 2)),
      loadAverageAtEnd: loadavg().map((value) => round(value, 2)),
      cpuPressurePercent: { atStart: cpuPressureAtStart, atEnd: cpuPressure() },
      os: `${osType()} ${release()} (${Math.round(freemem() / 1e9)} GB free at end)`,
    },
    versions: Object.fromEntries([
      ["node", process.versions.node],
      ...[
        "next",
        "react",
        "react-dom",
        "next-auth",
        "@auth/core",
        "@simplewebauthn/server",
        "drizzle-orm",
        "@libsql/client",
        "libsql",
        "@playwright/test",
        "tsx",
      ].map((name) => [name, packageVersion(name)]),
      ["chromium", measured.browserVersion],
    ]),
    portalPerSec32: portal32?.perSec ?? null,
    baselinePerSec32: baseline32?.perSec ?? null,
    ceilingPerSec,
    p99Ms32: portal32?.p99Ms ?? null,
    errors64: portal64?.errors ?? null,
    coldStartMs: measured.coldStart.medianMs,
    wizardMs: measured.wizard.medianMs,
    firstLoadJsGzip: Object.fromEntries(PAGES.map((path) => [path, measured.firstLoadJs[path].gzipBytes])),
    ratios: {
      portalToBaseline32: portal32 && baseline32 ? round(portal32.perSec / baseline32.perSec, 3) : null,
      baselineToCeiling32: baseline32 ? round(baseline32.perSec / ceilingPerSec, 3) : null,
    },
    signIn: {
      flow: "usernameless passkey sign-in (options → sign with the software authenticator → verify → session), each client its own passkey",
      portal: measured.portalLevels,
      baseline: measured.baselineLevels,
      ceiling: {
        perSec: ceilingPerSec,
        definition:
          "one thread: ECDSA P-256 verify with a cached KeyObject + every write of the sign-in as prepared statements (options: " +
          "rate-limit count, challenge; verify: consume challenge, update counter, audit event; 2 commits) on a fresh file with " +
          "the portal's settings (WAL, synchronous=NORMAL)" +
          (around.length
            ? `; mean of ${around.join(" and ")}/s, measured just before and just after the ${RATIO_LEVEL}-client level`
            : ""),
      },
      portalHighWaterMb: measured.highWater.portal,
      baselineHighWaterMb: measured.highWater.baseline,
    },
    registration: {
      portal: measured.registrationLevels,
      portalFlow:
        "server actions on /account over HTTP, each addition preceded by the passkey step-up it requires " +
        "(4 actions: step-up options + verify, registration options + verify)",
    },
    coldStart: measured.coldStart,
    wizard: measured.wizard,
    firstLoadJs: measured.firstLoadJs,
    ceilings: measured.ceilings,
    build,
    pool,
  };
  return { ...partial, targets: evaluateTargets(partial) };
}

if ((JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string }).name !== "passkey-lab") {
  throw new Error("run from the repository root (npm run bench)");
}
const authSecret = randomBytes(32).toString("base64url");
const ports = { portal: await freePort(), baseline: await freePort() };
// The pool is registered in this process through lib/, which reads its settings once, on first import.
Object.assign(process.env, {
  DATABASE_URL: `file:${join(work, "template.db")}`,
  AUTH_SECRET: authSecret,
  RP_ID: "localhost",
  RP_ORIGINS: `http://localhost:${ports.portal}`,
});
const started: RunningServer[] = [];

try {
  log(`${plan.mode} run; work folder ${work}; ports ${ports.portal}, ${ports.baseline}`);
  const build = await buildPortal(root, join(work, "build.log"), plan.mode === "quick");
  log(
    build.built
      ? `built ${DIST_DIR} in ${(build.ms / 1000).toFixed(1)} s`
      : `reusing ${DIST_DIR} (newer than every source)`,
  );
  const { copyDatabase, createPool } = await import("./passkey-pool");
  const pool = await createPool(plan.poolSize);
  log(`registered ${pool.accounts.length} passkeys through lib/ in ${(pool.ms / 1000).toFixed(1)} s`);
  mkdirSync(join(work, "ceilings"), { recursive: true });
  const context: BenchContext = {
    root,
    work,
    plan,
    authSecret,
    ports,
    authenticators: pool.accounts.map((account) => account.authenticator),
    copyDatabase,
    started,
    log,
  };
  const results = assemble(
    await measureEverything(context),
    build,
    { accounts: pool.accounts.length, ms: pool.ms },
    plan,
  );
  for (const file of writeResults(root, results)) log(`wrote ${file.slice(root.length + 1)}`);
  for (const target of results.targets)
    log(
      `${target.met === null ? "?" : target.met ? "✓" : "✗"} ${target.name}: ${target.measured} (want ${target.target})`,
    );
} finally {
  for (const server of started.reverse()) await server.stop();
  killAllStarted();
  if (plan.keep) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exit(0);
