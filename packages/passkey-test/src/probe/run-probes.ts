// Runs the probes against a site through its real pages: one browser, one context, one pair of users for the whole
// run (speed comes from reuse, not from skipping probes), a fresh page and a cleared session for each probe. The
// results use the conformance suite's outcome classes and report shape (docs/decisions/016-conformance-outcomes.md).
import { randomBytes } from "node:crypto";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { CaseFailed, CaseInconclusive, CaseSkipped } from "@/lib/conformance/expectations";
import { summarize } from "@/lib/conformance/summarize";
import type { CaseOutcome, CaseResult, SuiteReport } from "@/lib/conformance/types";
import type { PasskeyLabConfig, ProbeUser } from "../config";
import { allProbes } from "./all-probes";
import { ProbeAuthenticator } from "./bridge";
import type { Probe, ProbeContext, ProbeState } from "./probe-context";

export type ProbeRunOptions = {
  config: PasskeyLabConfig;
  probes?: Probe[];
  headed?: boolean;
  onResult?: (result: CaseResult, done: number, total: number) => void;
};

/** The report, and a screenshot of the page as each failing probe left it (for the HTML report). */
export type ProbeRun = { report: SuiteReport; screenshots: Map<string, Buffer> };

const DEFAULT_STEP_TIMEOUT_MS = 30_000;
/** Errors that mean the site is not answering at all, not that it decided something. */
const SITE_DOWN = /net::ERR_(CONNECTION_REFUSED|CONNECTION_RESET|EMPTY_RESPONSE|CONNECTION_CLOSED)/;

function userMaker(): () => ProbeUser {
  const run = randomBytes(3).toString("hex");
  let count = 0;
  return () => {
    count += 1;
    return {
      username: `passkey-lab-${run}-${count}@example.com`,
      displayName: `Probe User ${count}`,
      password: `Pl-${randomBytes(12).toString("base64url")}-${count}!`,
    };
  };
}

function outcomeOf(error: unknown): { outcome: CaseOutcome; reason: string; failure?: CaseResult["failure"] } {
  if (error === undefined) return { outcome: "pass", reason: "" };
  if (error instanceof CaseSkipped) return { outcome: "skip", reason: error.message };
  if (error instanceof CaseInconclusive) return { outcome: "inconclusive", reason: error.message };
  if (error instanceof CaseFailed)
    return {
      outcome: "fail",
      reason: error.message,
      failure: { message: error.message, expected: error.expected, received: error.received },
    };
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  if (SITE_DOWN.test(message))
    return {
      outcome: "target-error",
      reason: message,
      failure: { message, expected: "the site answers", received: message },
    };
  return {
    outcome: "fail",
    reason: `the probe could not run to its end: ${message}`,
    failure: { message, expected: "the config's steps to run", received: message },
  };
}

async function siteAnswers(baseURL: string): Promise<boolean> {
  return fetch(baseURL, { signal: AbortSignal.timeout(5_000) }).then(
    () => true,
    () => false,
  );
}

/** Signs the browser out between probes: the site's cookies and this origin's storage go. */
async function clearSession(context: BrowserContext, page: Page) {
  await page.evaluate(() => (localStorage.clear(), sessionStorage.clear())).catch(() => undefined);
  await context.clearCookies();
}

export async function runProbes(options: ProbeRunOptions): Promise<ProbeRun> {
  const { config } = options;
  const probes = options.probes ?? allProbes;
  const stepTimeoutMs = config.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const startedAt = new Date();
  const browser = await chromium.launch({ headless: !options.headed, ...config.launchOptions });
  const screenshots = new Map<string, Buffer>();
  const results: CaseResult[] = [];
  let crashedAfter: string | null = null;
  try {
    const context = await browser.newContext({ baseURL: config.baseURL });
    const authenticator = new ProbeAuthenticator();
    await authenticator.attach(context);
    const state: ProbeState = {};
    const newUser = userMaker();
    for (const probe of probes) {
      const base = { id: probe.id, family: probe.family, title: probe.title, exchanges: [] };
      if (crashedAfter && !(await siteAnswers(config.baseURL))) {
        results.push({
          ...base,
          outcome: "not-run",
          reason: `the site stopped answering after ${crashedAfter}`,
          durationMs: 0,
        });
      } else {
        crashedAfter = null;
        const page = await context.newPage();
        page.setDefaultTimeout(stepTimeoutMs);
        const probeContext: ProbeContext = { config, page, authenticator, state, stepTimeoutMs, newUser };
        const started = Date.now();
        const error = await probe.run(probeContext).then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        const result: CaseResult = { ...base, ...outcomeOf(error), durationMs: Date.now() - started };
        if (result.outcome === "fail" || result.outcome === "target-error") {
          const shot = await page.screenshot({ fullPage: true }).catch(() => undefined);
          if (shot) screenshots.set(probe.id, shot);
        }
        if (result.outcome === "target-error") crashedAfter = probe.id;
        await clearSession(context, page);
        await page.close();
        results.push(result);
      }
      options.onResult?.(results.at(-1)!, results.length, probes.length);
    }
  } finally {
    await browser.close();
  }
  const report: SuiteReport = {
    target: config.baseURL,
    origin: new URL(config.baseURL).origin,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    summary: summarize(results),
    crashedAfter: results.some((result) => result.outcome === "not-run")
      ? (results.findLast((result) => result.outcome === "target-error")?.id ?? null)
      : null,
    hints: [],
    cases: results,
  };
  return { report, screenshots };
}
