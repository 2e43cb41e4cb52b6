// Writes the results: latest.json (machine-readable), latest.md (tables), latest.svg (chart). A --quick run writes
// quick.* instead, so a smoke run never replaces the committed numbers of a full one.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderChart } from "./chart";
import { bestRatioWithTwoActions } from "./framework-floor";
import type { LoadResult } from "./load";
import type { BenchResults, ServerLevel } from "./results-types";

const num = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || !Number.isFinite(value)
    ? "—"
    : value.toLocaleString("en-GB", { maximumFractionDigits: digits });
const kb = (bytes: number) => `${num(bytes / 1000, 1)} kB`;
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const header = (cells: string[]) => [row(cells), row(cells.map(() => "---"))];

function levelCells(level: LoadResult | ServerLevel | undefined): string[] {
  if (!level) return ["—", "—", "—", "—", "—"];
  return [num(level.perSec), num(level.p50Ms, 1), num(level.p95Ms, 1), num(level.p99Ms, 1), num(level.errors)];
}

function stepCostLines(results: BenchResults): string[] {
  const costs = results.experiments.stepCosts;
  if (!costs) return [];
  return [
    `## Server CPU per sign-in, step by step (${costs.clients} clients; each step also loaded on its own)`,
    "",
    ...header([
      "Server",
      "Whole sign-in ms CPU",
      "Options step",
      "Verify + session (the rest)",
      "/account page loaded next (not part of the sign-in)",
    ]),
    row([
      "portal",
      num(costs.portal.signIn, 1),
      num(costs.portal.options, 1),
      num(costs.portal.verifyAndSessionInferred, 1),
      num(costs.portal.accountRender, 1),
    ]),
    row([
      "baseline",
      num(costs.baseline.signIn, 1),
      num(costs.baseline.options, 1),
      num(costs.baseline.verifyAndSessionInferred, 1),
      "—",
    ]),
    "",
    "CPU of the server's process tree (all threads: main, libuv pool, GC) per successful operation, from /proc.",
    "",
    ...floorLines(results),
  ];
}

function floorLines(results: BenchResults): string[] {
  const floor = results.frameworkFloor;
  if (!floor) return [];
  const baselineCpu = results.experiments.stepCosts?.baseline.signIn ?? null;
  const best = bestRatioWithTwoActions(baselineCpu, floor);
  return [
    `## Framework floor (${floor.definition})`,
    "",
    ...header(["Request", "Per second", "p99 ms", "Server CPU ms per request", "Server CPU %"]),
    row([
      "no-op server action",
      num(floor.noopAction.perSec),
      num(floor.noopAction.p99Ms, 1),
      num(floor.noopAction.serverCpuMsPerOp, 1),
      num(floor.noopAction.serverCpuPercent),
    ]),
    row([
      "no-op route handler",
      num(floor.noopRoute.perSec),
      num(floor.noopRoute.p99Ms, 1),
      num(floor.noopRoute.serverCpuMsPerOp, 1),
      num(floor.noopRoute.serverCpuPercent),
    ]),
    "",
    `A portal sign-in is two server actions. With the baseline's ${num(baselineCpu, 1)} ms of CPU per sign-in, the best ` +
      `portal ÷ baseline ratio two no-op actions leave is ${best === null ? "—" : `${num(best * 100)} %`} ` +
      "(baseline CPU ÷ (baseline CPU + 2 × no-op action CPU)).",
    "",
  ];
}

function breakdownLines(results: BenchResults): string[] {
  const steps = results.experiments.stepBreakdown;
  if (!steps) return [];
  return [
    `## Portal sign-in step by step (one client, median of ${steps.samples})`,
    "",
    ...header(["Options action ms", "Verify action ms", "/account RSC render (the page loaded next) ms"]),
    row([num(steps.optionsMs, 1), num(steps.finishMs, 1), num(steps.accountRenderMs, 1)]),
    "",
  ];
}

function experimentLines(results: BenchResults): string[] {
  const { variants } = results.experiments;
  if (variants.length === 0) return breakdownLines(results);
  const clients = variants[0].clients;
  const portal = results.signIn.portal.find((level) => level.clients === clients);
  const baseline = results.signIn.baseline.find((level) => level.clients === clients);
  const change = (after: number | undefined, before: number | undefined) =>
    after !== undefined && before ? `${after >= before ? "+" : ""}${num(((after - before) / before) * 100)} %` : "—";
  return [
    `## Variants measured without changing lib/ or app/ (${clients} clients, fresh servers; bench/experiments.ts)`,
    "",
    ...header(["Variant", "Portal /s", "Change", "p99 ms", "Baseline /s", "Change", "p99 ms", "What it does"]),
    row([
      "as built",
      num(portal?.perSec),
      "",
      num(portal?.p99Ms, 1),
      num(baseline?.perSec),
      "",
      num(baseline?.p99Ms, 1),
      "the main run's level",
    ]),
    ...variants.map((variant) =>
      row([
        variant.name,
        num(variant.portal.perSec),
        change(variant.portal.perSec, portal?.perSec),
        num(variant.portal.p99Ms, 1),
        num(variant.baseline?.perSec),
        change(variant.baseline?.perSec, baseline?.perSec),
        num(variant.baseline?.p99Ms, 1),
        variant.description,
      ]),
    ),
    "",
    ...breakdownLines(results),
  ];
}

export function renderMarkdown(results: BenchResults): string {
  const { signIn, registration, ceilings } = results;
  const verification = ceilings.verification;
  const writes = ceilings.writes;
  const lines = [
    `# Benchmark results (${results.mode} run)`,
    "",
    `${results.generatedAt} · ${results.machine.cores} cores (${results.machine.cpuModel}) · ${results.machine.memoryGb} GB · ` +
      `load average ${results.machine.loadAverageAtStart.map((v) => v.toFixed(2)).join(" ")} at start, ` +
      `${results.machine.loadAverageAtEnd.map((v) => v.toFixed(2)).join(" ")} at end · CPU pressure (some, avg60) ` +
      `${num(results.machine.cpuPressurePercent.atStart, 1)} % → ${num(results.machine.cpuPressurePercent.atEnd, 1)} % · ${Math.round(results.durationS)} s`,
    "",
    `Versions: ${Object.entries(results.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(", ")}.`,
    "",
    "## Targets (ratios measured in this one run)",
    "",
    ...header(["Target", "Wanted", "Measured", "Met"]),
    ...results.targets.map((target) =>
      row([
        target.name,
        target.target,
        target.measured,
        target.met === null ? "not measured" : target.met ? "yes" : "**no**",
      ]),
    ),
    "",
    `## Passkey sign-in: ${signIn.flow}`,
    "",
    ...header([
      "Clients",
      "Portal /s",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "Errors",
      "Peak RSS MB",
      "CPU %",
      "Baseline /s",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "Errors",
      "Peak RSS MB",
      "CPU %",
      "Portal ÷ baseline",
      "In-process lib /s",
      "p99 ms",
    ]),
    ...signIn.portal.map((portal, i) => {
      const baseline = signIn.baseline[i];
      const inProcess = signIn.inProcessLib.find((level) => level.clients === portal.clients);
      const ratio = baseline && baseline.perSec > 0 ? `${num((portal.perSec / baseline.perSec) * 100)} %` : "—";
      return row([
        portal.clients,
        ...levelCells(portal),
        num(portal.peakRssMb, 1),
        num(portal.serverCpuPercent),
        ...levelCells(baseline),
        num(baseline?.peakRssMb, 1),
        num(baseline?.serverCpuPercent),
        ratio,
        num(inProcess?.perSec),
        num(inProcess?.p99Ms, 1),
      ]);
    }),
    "",
    "CPU % is the server's process tree (all threads) over the level, in % of one core; the load generator (signing, " +
      `HTTP clients) used ${signIn.portal.map((level) => num(level.loadGeneratorCpuPercent)).join(" / ")} % (portal levels) and ` +
      `${signIn.baseline.map((level) => num(level.loadGeneratorCpuPercent)).join(" / ")} % (baseline levels) of one core.`,
    "",
    `Ceiling: ${signIn.ceiling.definition}: **${num(signIn.ceiling.perSec)}/s**. Server peak RSS over the whole run (VmHWM): portal ${num(signIn.portalHighWaterMb, 1)} MB, baseline ${num(signIn.baselineHighWaterMb, 1)} MB.`,
    "",
    "## Ceilings (in-process, one thread)",
    "",
    ...header(["Measurement", "Portal settings (WAL, synchronous=NORMAL)", "WAL + synchronous=FULL"]),
    row(["ECDSA P-256 verify, node:crypto, cached KeyObject", `${num(verification.ecdsaP256CachedKey.perSec)}/s`, "—"]),
    row([
      "@simplewebauthn/server verifyAuthenticationResponse, 1 in flight",
      `${num(verification.simpleWebAuthn1InFlight.perSec)}/s`,
      "—",
    ]),
    row([
      "@simplewebauthn/server verifyAuthenticationResponse, 16 in flight",
      `${num(verification.simpleWebAuthn16InFlight.perSec)}/s`,
      "—",
    ]),
    row([
      "WebCrypto importKey (P-256 public key from JWK) alone, what the library does per verification",
      `${num(verification.webCryptoKeyImport.perSec)}/s`,
      "—",
    ]),
    row([
      "Verify transaction (consume challenge, update counter, audit event), prepared",
      `${num(writes.portalSettings.signInTransaction.perSec)}/s`,
      `${num(writes.synchronousFull.signInTransaction.perSec)}/s`,
    ]),
    row([
      "All five sign-in writes in their two commits (+ options: rate-limit count, challenge), prepared",
      `${num(writes.portalSettings.allSignInWrites.perSec)}/s`,
      `${num(writes.synchronousFull.allSignInWrites.perSec)}/s`,
    ]),
    row([
      "Verify + all five writes (**the ceiling**)",
      `${num(writes.portalSettings.verifyAndAllWrites.perSec)}/s`,
      `${num(writes.synchronousFull.verifyAndAllWrites.perSec)}/s`,
    ]),
    row([
      "The sign-in's passkey lookup: Drizzle as lib/ writes it · Drizzle .prepare() · raw prepared statement (1 in flight)",
      `${num(ceilings.reads.drizzleAsInLib.perSec)}/s · ${num(ceilings.reads.drizzlePrepared.perSec)}/s · ${num(ceilings.reads.rawPrepared.perSec)}/s`,
      "—",
    ]),
    "",
    `Statements per sign-in on lib/ (recorded at the driver): ${ceilings.statements.signIn.total} (${ceilings.statements.signIn.reads} reads, ${ceilings.statements.signIn.writes} writes, ${ceilings.statements.signIn.commits} commits, ${ceilings.statements.signIn.connections} connection).` +
      (results.portalStatementsPerSignIn
        ? ` In the portal, per sign-in including the sign-in page Next.js re-renders once the session cookie is set: ${num(results.portalStatementsPerSignIn.total, 1)} on ${results.portalStatementsPerSignIn.connections} connection(s).`
        : ""),
    "",
    ...stepCostLines(results),
    ...experimentLines(results),
    `## Registration`,
    "",
    `Portal: ${registration.portalFlow}. In-process: ${registration.inProcessFlow}.`,
    "",
    ...header(["Clients", "Portal registrations/s", "p50 ms", "p95 ms", "p99 ms", "Errors", "Peak RSS MB"]),
    ...registration.portal.map((level) => row([level.clients, ...levelCells(level), num(level.peakRssMb, 1)])),
    "",
    ...header(["Clients", "In-process lib registrations/s", "p50 ms", "p95 ms", "p99 ms", "Errors"]),
    ...registration.inProcessLib.map((level) => row([level.clients, ...levelCells(level)])),
    "",
    "## Cold start, first-load JS, wizard",
    "",
    `Cold start (${results.coldStart.definition}): median **${num(results.coldStart.medianMs)} ms** of ${results.coldStart.runsMs.map((ms) => num(ms)).join(", ")} ms.`,
    "",
    ...header(["Page", "Scripts", "Raw", "Gzip (level 9)", "Not counted: noModule polyfills (gzip)"]),
    ...Object.entries(results.firstLoadJs).map(([path, weight]) =>
      row([`\`${path}\``, weight.scripts, kb(weight.rawBytes), kb(weight.gzipBytes), kb(weight.noModuleGzipBytes)]),
    ),
    "",
    `Wizard (${results.wizard.definition}): median **${num(results.wizard.medianMs, 1)} ms** of ${results.wizard.runsMs.map((ms) => num(ms, 1)).join(", ")} ms.` +
      (results.wizard.error ? ` Not measured: ${results.wizard.error}` : "") +
      (results.wizard.medianMilestonesMs
        ? ` Median milestones (ms after navigation start): ${Object.entries(results.wizard.medianMilestonesMs)
            .map(([name, ms]) => `${name.replace(/Ms$/, "")} ${num(ms, 1)}`)
            .join(", ")}.`
        : ""),
    "",
    `Build: ${results.build.built ? `${num(results.build.ms / 1000, 1)} s` : "reused (newer than every source)"}; pool: ${results.pool.accounts} accounts with one passkey each in ${num(results.pool.ms / 1000, 1)} s.`,
    "",
  ];
  return lines.join("\n");
}

export function writeResults(root: string, results: BenchResults): string[] {
  const dir = join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const name = results.mode === "full" ? "latest" : "quick";
  const files = [join(dir, `${name}.json`), join(dir, `${name}.md`), join(dir, `${name}.svg`)];
  writeFileSync(files[0], `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(files[1], renderMarkdown(results));
  writeFileSync(files[2], `${renderChart(results)}\n`);
  return files;
}
