// The shape of bench/results/latest.json. Each part is typed where it is measured and only assembled here, so nothing
// this file imports imports it back.
import type { CeilingResults } from "./ceilings";
import type { ServerLevel } from "./measure";
import type { PageWeight } from "./page-weight";
import type { WizardVisit } from "./wizard-timing";

export type Target = { name: string; target: string; measured: string; met: boolean | null };

export type BenchResults = {
  generatedAt: string;
  mode: "full" | "quick";
  durationS: number;
  machine: {
    cores: number;
    cpuModel: string;
    memoryGb: number;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    /** /proc/pressure/cpu "some" avg60: share of the last minute in which some task waited for a CPU. */
    cpuPressurePercent: { atStart: number | null; atEnd: number | null };
    os: string;
  };
  versions: Record<string, string>;
  // The top-level numbers (issue 6).
  portalPerSec32: number | null;
  baselinePerSec32: number | null;
  ceilingPerSec: number;
  p99Ms32: number | null;
  errors64: number | null;
  coldStartMs: number;
  wizardMs: number | null;
  firstLoadJsGzip: Record<string, number>;
  ratios: { portalToBaseline32: number | null; baselineToCeiling32: number | null };
  targets: Target[];
  signIn: {
    flow: string;
    portal: ServerLevel[];
    baseline: ServerLevel[];
    ceiling: { perSec: number; definition: string };
    portalHighWaterMb: number | null;
    baselineHighWaterMb: number | null;
  };
  registration: { portal: ServerLevel[]; portalFlow: string };
  coldStart: { runsMs: number[]; medianMs: number; definition: string };
  wizard: {
    /** Every timed visit, the languages in turn. */
    runsMs: number[];
    /** The slowest language's median: what the target holds. */
    medianMs: number | null;
    /** Per browser language (Accept-Language), its median and runs. */
    byLanguage?: Record<string, { medianMs: number; runsMs: number[] }>;
    definition: string;
    /** Medians of when the HTML, the scripts and the checks' round trip (the checks action; the cookie probe on older builds) arrived (ms after navigation start). */
    medianMilestonesMs?: Record<string, number | null>;
    visits?: WizardVisit[];
    error?: string;
  };
  firstLoadJs: Record<string, PageWeight>;
  /** Raw output of bench/ceilings.ts: the ceiling and the statements per sign-in it was checked against. */
  ceilings: CeilingResults;
  build: { built: boolean; ms: number };
  pool: { accounts: number; ms: number };
};

export type { CeilingResults, ServerLevel };
