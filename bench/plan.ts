// What a run measures and for how long: `npm run bench` (full, commit-worthy) or `npm run bench -- --quick` (a smoke
// run under a minute once .next-bench is built). Every loop of the run is bounded by these counts and times.

export type Plan = {
  mode: "full" | "quick";
  /** Accounts with one passkey each; every client signs in with its own (no counter races between clients). */
  poolSize: number;
  signInLevels: number[];
  warmupMs: number;
  measureMs: number;
  /** Untimed load on each fresh server before the first level (JIT, caches, connection pools). */
  serverWarmupMs: number;
  registrationLevels: number[];
  registrationMeasureMs: number;
  /** In the ceilings child and next to the 32-client level: duration of each ceiling measurement. */
  rateMs: number;
  coldStarts: number;
  wizardRuns: number;
  /** Keep the temporary work folder (databases, logs, profiles). */
  keep: boolean;
};

const full: Plan = {
  mode: "full",
  poolSize: 64,
  signInLevels: [1, 8, 32, 64],
  warmupMs: 1_500,
  measureMs: 8_000,
  serverWarmupMs: 3_000,
  registrationLevels: [1, 8, 32],
  registrationMeasureMs: 5_000,
  rateMs: 3_000,
  coldStarts: 3,
  wizardRuns: 10,
  keep: false,
};

const quick: Plan = {
  ...full,
  mode: "quick",
  // Long enough for 64 clients to reach a steady state (their first round takes a while).
  signInLevels: [8, 32, 64],
  warmupMs: 1_000,
  measureMs: 1_500,
  serverWarmupMs: 800,
  registrationLevels: [8],
  registrationMeasureMs: 1_000,
  rateMs: 300,
  coldStarts: 1,
  wizardRuns: 3,
};

export function planFromArgs(args: string[]): Plan {
  const known = new Set(["--quick", "--keep"]);
  const unknown = args.filter((arg) => !known.has(arg));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(" ")} (use --quick, --keep)`);
  const base = args.includes("--quick") ? quick : full;
  return { ...base, keep: args.includes("--keep") };
}
