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
  /** In the ceilings child: duration of each rate measurement and of each in-process level. */
  rateMs: number;
  inProcessSignInLevels: number[];
  inProcessRegistrationLevels: number[];
  inProcessMeasureMs: number;
  coldStarts: number;
  wizardRuns: number;
  /** Sequential sign-ins on a separate portal instance that counts its statements (0: skip). */
  statementCountSignIns: number;
  /** Each step of the sign-in loaded on its own at 32 clients, for server CPU per step. */
  stepCosts: boolean;
  /** Sequential sign-ins timed step by step, with and without response compression (0: skip). */
  breakdownSamples: number;
  /** Portal and baseline again at 32 clients with each proposed fix that needs no change to lib/ (bench/experiments.ts). */
  variantExperiments: boolean;
  /** A no-op server action and route handler in bench/floor-app at 32 clients (bench/framework-floor.ts). */
  frameworkFloor: boolean;
  /** Start the servers with --cpu-prof (profiles kept in the work folder). */
  profile: boolean;
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
  inProcessSignInLevels: [1, 8, 32, 64],
  inProcessRegistrationLevels: [1, 8],
  inProcessMeasureMs: 4_000,
  coldStarts: 3,
  wizardRuns: 10,
  statementCountSignIns: 20,
  stepCosts: true,
  breakdownSamples: 60,
  variantExperiments: true,
  frameworkFloor: true,
  profile: false,
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
  inProcessSignInLevels: [8],
  inProcessRegistrationLevels: [1],
  inProcessMeasureMs: 600,
  coldStarts: 1,
  wizardRuns: 3,
  statementCountSignIns: 0,
  stepCosts: false,
  breakdownSamples: 0,
  variantExperiments: false,
  frameworkFloor: false,
};

export function planFromArgs(args: string[]): Plan {
  const known = new Set(["--quick", "--profile", "--keep"]);
  const unknown = args.filter((arg) => !known.has(arg));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(" ")} (use --quick, --profile, --keep)`);
  const base = args.includes("--quick") ? quick : full;
  const profile = args.includes("--profile");
  return { ...base, profile, keep: args.includes("--keep") || profile };
}
