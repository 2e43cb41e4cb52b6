// Writes the results: latest.json (machine-readable), latest.md (tables), latest.svg (chart). A --quick run writes
// quick.* instead, so a smoke run never replaces the committed numbers of a full one.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderChart } from "./chart";
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

export function renderMarkdown(results: BenchResults): string {
  const { signIn, registration, ceilings } = results;
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
    ]),
    ...signIn.portal.map((portal, i) => {
      const baseline = signIn.baseline[i];
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
      ]);
    }),
    "",
    "CPU % is the server's process tree (all threads) over the level, in % of one core; the load generator (signing, " +
      `HTTP clients) used ${signIn.portal.map((level) => num(level.loadGeneratorCpuPercent)).join(" / ")} % (portal levels) and ` +
      `${signIn.baseline.map((level) => num(level.loadGeneratorCpuPercent)).join(" / ")} % (baseline levels) of one core.`,
    "",
    `Ceiling: ${signIn.ceiling.definition}: **${num(signIn.ceiling.perSec)}/s**. Server peak RSS over the whole run (VmHWM): portal ${num(signIn.portalHighWaterMb, 1)} MB, baseline ${num(signIn.baselineHighWaterMb, 1)} MB.`,
    "",
    `Statements per sign-in on lib/ (recorded at the driver): ${ceilings.statements.signIn.total} (${ceilings.statements.signIn.reads} reads, ${ceilings.statements.signIn.writes} writes, ${ceilings.statements.signIn.commits} commits, ${ceilings.statements.signIn.connections} connection)` +
      (ceilings.statements.ceilingStatementsNotInLib.length
        ? `; **the ceiling writes statements lib/ no longer runs**: ${ceilings.statements.ceilingStatementsNotInLib.join(", ")}.`
        : "; the ceiling writes the same statements."),
    "",
    `## Registration`,
    "",
    `Portal: ${registration.portalFlow}.`,
    "",
    ...header(["Clients", "Portal registrations/s", "p50 ms", "p95 ms", "p99 ms", "Errors", "Peak RSS MB"]),
    ...registration.portal.map((level) => row([level.clients, ...levelCells(level), num(level.peakRssMb, 1)])),
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
    `Wizard (${results.wizard.definition}): **${num(results.wizard.medianMs, 1)} ms**` +
      (results.wizard.byLanguage
        ? `; per language ${Object.entries(results.wizard.byLanguage)
            .map(
              ([locale, { medianMs, runsMs }]) =>
                `${locale} ${num(medianMs, 1)} (${runsMs.map((ms) => num(ms, 1)).join(", ")})`,
            )
            .join("; ")} ms.`
        : ` of ${results.wizard.runsMs.map((ms) => num(ms, 1)).join(", ")} ms.`) +
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
