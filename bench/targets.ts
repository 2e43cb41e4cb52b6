// The targets of issue 6, judged on ratios and numbers measured in the same run.
import type { BenchResults, Target } from "./results-types";

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)} %`);
const KB = 1000;

export function evaluateTargets(results: Omit<BenchResults, "targets">): Target[] {
  const { ratios } = results;
  const jsTarget = (path: string): Target => {
    const bytes = results.firstLoadJsGzip[path];
    return {
      name: `first-load JS on ${path}`,
      target: "≤ 140 kB gzip",
      measured: bytes === undefined ? "—" : `${(bytes / KB).toFixed(1)} kB`,
      met: bytes === undefined ? null : bytes <= 140 * KB,
    };
  };
  return [
    {
      name: "portal ÷ baseline sign-ins/s at 32 clients",
      target: "≥ 50 %",
      measured: `${percent(ratios.portalToBaseline32)} (${results.portalPerSec32} vs ${results.baselinePerSec32}/s)`,
      met: ratios.portalToBaseline32 === null ? null : ratios.portalToBaseline32 >= 0.5,
    },
    {
      name: "baseline ÷ in-process ceiling at 32 clients",
      target: "≥ 70 %",
      measured: `${percent(ratios.baselineToCeiling32)} (${results.baselinePerSec32} vs ${results.ceilingPerSec}/s)`,
      met: ratios.baselineToCeiling32 === null ? null : ratios.baselineToCeiling32 >= 0.7,
    },
    {
      name: "portal p99 at 32 clients",
      target: "≤ 100 ms",
      measured: results.p99Ms32 === null ? "—" : `${results.p99Ms32} ms`,
      met: results.p99Ms32 === null ? null : results.p99Ms32 <= 100,
    },
    {
      name: "portal errors at 64 clients",
      target: "0",
      measured: String(results.errors64 ?? "—"),
      met: results.errors64 === null ? null : results.errors64 === 0,
    },
    jsTarget("/sign-in"),
    jsTarget("/troubleshoot"),
    {
      name: "wizard: automatic checks shown (slowest of four languages)",
      target: "≤ 300 ms",
      measured: results.wizardMs === null ? "—" : `${results.wizardMs} ms`,
      met: results.wizardMs === null ? null : results.wizardMs <= 300,
    },
    {
      name: "cold start to first sign-in",
      target: "≤ 2 s",
      measured: `${results.coldStartMs} ms`,
      met: results.coldStartMs <= 2_000,
    },
  ];
}
