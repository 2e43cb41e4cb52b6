// The measurements of one run, in order: in-process ceilings (child process), cold starts, sign-in levels (portal and
// baseline interleaved, the ceiling measured again on each side of the 32-client level), registration, first-load
// JS and the wizard.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { CookieJar, ServerActionClient } from "@/test/server-action-client";
import { signInThroughBaseline } from "./baseline-ceremonies";
import { DIST_DIR } from "./build-portal";
import { median, serverOptions, type BenchContext } from "./context";
import { coldStartMs, measureLevel, runCeilings } from "./measure";
import { pageWeight, type PageWeight } from "./page-weight";
import { registerThroughPortal, SESSION_COOKIE, signInThroughPortal } from "./portal-ceremonies";
import { highWaterMb, waitForHttp } from "./processes";
import type { BenchResults, ServerLevel } from "./results-types";
import { startBaseline, startPortal, type RunningServer } from "./servers";
import { interleavedWizardTimings, type WizardVisit } from "./wizard-timing";
import { signInCeiling } from "./write-rates";

export const PAGES = ["/", "/sign-in", "/account", "/troubleshoot", "/conformance"];
export const RATIO_LEVEL = 32;

export type Measurements = Pick<BenchResults, "ceilings" | "coldStart" | "wizard" | "firstLoadJs"> & {
  portalLevels: ServerLevel[];
  baselineLevels: ServerLevel[];
  ceilingAround32: number[];
  highWater: { portal: number | null; baseline: number | null };
  registrationLevels: ServerLevel[];
  browserVersion: string;
};

async function startColdPortals(context: BenchContext, actions: ServerActionClient) {
  const runsMs: number[] = [];
  for (let run = 0; run < context.plan.coldStarts; run++) {
    const last = run === context.plan.coldStarts - 1;
    const server = startPortal(await serverOptions(context, context.ports.portal, `portal-${run}`));
    context.started.push(server);
    runsMs.push(await coldStartMs(server, actions, context.authenticators[0]));
    if (last) return { portal: server, runsMs };
    await server.stop();
  }
  throw new Error("no cold start planned");
}

/** The browser languages the wizard is timed in: one for each of the portal's (lib/i18n/locales.ts). */
const WIZARD_LOCALES = ["en-US", "es-ES", "zh-CN", "ar"];

async function measureWizard(
  context: BenchContext,
  portal: RunningServer,
): Promise<{ wizard: BenchResults["wizard"]; browserVersion: string }> {
  const definition = `navigation start to [data-testid="platform"] on /troubleshoot, fresh browser context per run, the languages visited in turn, median of ${context.plan.wizardRuns} per language; the target is held by the slowest language's median`;
  const rounded = (values: number[]) => Math.round(median(values) * 10) / 10;
  try {
    const timed = await interleavedWizardTimings(
      WIZARD_LOCALES.map((locale) => ({ baseUrl: portal.baseUrl, locale })),
      context.plan.wizardRuns,
    );
    const byLanguage = Object.fromEntries(
      timed.map(({ visits }, index) => {
        const runsMs = visits.map((visit) => visit.checksShownMs);
        return [WIZARD_LOCALES[index], { medianMs: rounded(runsMs), runsMs }];
      }),
    );
    const visits = timed.flatMap((result) => result.visits);
    const medianOf = (key: keyof Omit<WizardVisit, "lang">) => {
      const values = visits.map((visit) => visit[key]).filter((value): value is number => value !== null);
      return values.length ? rounded(values) : null;
    };
    const milestones = [
      "htmlReceivedMs",
      "domContentLoadedMs",
      "scriptsReceivedMs",
      "checksRoundTripStartMs",
      "checksRoundTripEndMs",
    ] as const;
    return {
      browserVersion: timed[0].browserVersion,
      wizard: {
        runsMs: visits.map((visit) => visit.checksShownMs),
        medianMs: Math.max(...Object.values(byLanguage).map((language) => language.medianMs)),
        byLanguage,
        definition,
        medianMilestonesMs: Object.fromEntries(milestones.map((key) => [key, medianOf(key)])),
        visits,
      },
    };
  } catch (error) {
    return {
      browserVersion: "not run",
      wizard: { runsMs: [], medianMs: null, definition, error: (error as Error).message.split("\n")[0] },
    };
  }
}

export async function measureEverything(context: BenchContext): Promise<Measurements> {
  const { plan, log, authenticators } = context;
  const ceilings = await runCeilings(context.root, context.work, plan, context.authSecret);
  log(`ceiling: verify + sign-in writes ${ceilings.signIn.perSec}/s`);
  let ceilingRuns = 0;
  const ceilingNow = () => {
    const file = join(context.work, `ceiling-${ceilingRuns++}.db`);
    copyFileSync(join(context.work, "schema.db"), file);
    return signInCeiling(file, plan.rateMs).perSec;
  };

  const actions = new ServerActionClient(`http://localhost:${context.ports.portal}`, join(context.root, DIST_DIR));
  const { portal, runsMs: coldRuns } = await startColdPortals(context, actions);
  log(`cold start to first sign-in: ${coldRuns.join(", ")} ms`);
  const baseline = startBaseline(await serverOptions(context, context.ports.baseline, "baseline"));
  context.started.push(baseline);
  await waitForHttp(`${baseline.baseUrl}/health`, 60_000, baseline);

  const portalSignIn = (client: number) => signInThroughPortal(actions, authenticators[client]);
  const baselineSignIn = (client: number) => signInThroughBaseline(baseline.baseUrl, authenticators[client]);
  const warm = { clients: 8, warmupMs: 0, measureMs: plan.serverWarmupMs };
  await measureLevel(portal, warm, portalSignIn);
  await measureLevel(baseline, warm, baselineSignIn);

  const portalLevels: ServerLevel[] = [];
  const baselineLevels: ServerLevel[] = [];
  const ceilingAround32: number[] = [];
  for (const clients of plan.signInLevels) {
    const level = { clients, warmupMs: plan.warmupMs, measureMs: plan.measureMs };
    if (clients === RATIO_LEVEL) ceilingAround32.push(ceilingNow());
    portalLevels.push(await measureLevel(portal, level, portalSignIn));
    baselineLevels.push(await measureLevel(baseline, level, baselineSignIn));
    if (clients === RATIO_LEVEL) ceilingAround32.push(ceilingNow());
    const [p, b] = [portalLevels.at(-1)!, baselineLevels.at(-1)!];
    log(
      `${clients} clients: portal ${p.perSec}/s p99 ${p.p99Ms} ms (${p.errors} errors), baseline ${b.perSec}/s p99 ${b.p99Ms} ms (${b.errors} errors)`,
    );
  }
  if (ceilingAround32.length)
    log(`ceiling next to the ${RATIO_LEVEL}-client level: ${ceilingAround32.join(" and ")}/s`);
  const highWater = { portal: highWaterMb(portal.pid), baseline: highWaterMb(baseline.pid) };
  await baseline.stop();

  const jars: CookieJar[] = [];
  for (let i = 0; i < Math.max(...plan.registrationLevels); i++)
    jars.push(await signInThroughPortal(actions, authenticators[i]));
  const registrationLevels: ServerLevel[] = [];
  for (const clients of plan.registrationLevels) {
    const level = { clients, warmupMs: plan.warmupMs, measureMs: plan.registrationMeasureMs };
    registrationLevels.push(
      await measureLevel(portal, level, (client) =>
        registerThroughPortal(actions, authenticators[client], jars[client]),
      ),
    );
    log(
      `registration, ${clients} clients: ${registrationLevels.at(-1)!.perSec}/s p99 ${registrationLevels.at(-1)!.p99Ms} ms`,
    );
  }

  const session = `${SESSION_COOKIE}=${(await signInThroughPortal(actions, authenticators[plan.poolSize - 1])).get(SESSION_COOKIE)}`;
  const firstLoadJs: Record<string, PageWeight> = {};
  for (const path of PAGES)
    firstLoadJs[path] = await pageWeight(portal.baseUrl, path, path === "/account" ? session : undefined);
  log(
    `first-load JS (gzip): ${PAGES.map((path) => `${path} ${(firstLoadJs[path].gzipBytes / 1000).toFixed(1)} kB`).join(", ")}`,
  );

  const { wizard, browserVersion } = await measureWizard(context, portal);
  log(
    wizard.medianMs === null
      ? `wizard not measured: ${wizard.error}`
      : `wizard checks shown, median per language: ${Object.entries(wizard.byLanguage ?? {})
          .map(([locale, { medianMs }]) => `${locale} ${medianMs} ms`)
          .join(", ")}`,
  );
  await portal.stop();
  return {
    ceilings,
    coldStart: {
      runsMs: coldRuns,
      medianMs: median(coldRuns),
      definition:
        "spawning `next start` on a fresh copy of the pool database to the first passkey sign-in that sets a session",
    },
    wizard,
    firstLoadJs,
    portalLevels,
    baselineLevels,
    ceilingAround32,
    highWater,
    registrationLevels,
    browserVersion,
  };
}
