// The troubleshooting wizard: time from navigation start to the automatic checks on screen ([data-testid="platform"]
// renders together with every finding), read in the page with performance.now() (0 = navigation start), in a fresh
// browser context per run (a first visit: nothing cached).
import { existsSync } from "node:fs";
import { chromium, type Browser } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

declare global {
  interface Window {
    __benchChecksShownAt?: number;
  }
}

// A string, not a function: tsx/esbuild would wrap a function's inner helpers in `__name(…)`, which the page lacks.
const RECORD_WHEN_CHECKS_APPEAR = `(() => {
  const shown = () => {
    if (window.__benchChecksShownAt === undefined && document.querySelector('[data-testid="platform"]')) {
      window.__benchChecksShownAt = performance.now();
    }
    return window.__benchChecksShownAt !== undefined;
  };
  new MutationObserver((_, observer) => { if (shown()) observer.disconnect(); }).observe(document, { childList: true, subtree: true });
})();`;

/** Milestones of one visit, in ms after navigation start. */
export type WizardVisit = {
  checksShownMs: number;
  htmlReceivedMs: number;
  domContentLoadedMs: number;
  scriptsReceivedMs: number;
  /**
   * The automatic checks' requests before they appear, first start to last end: POST /troubleshoot/checks from the
   * page's inline script (on older builds the server action that judged the snapshot, or the two cookie-probe requests).
   */
  checksRoundTripStartMs: number | null;
  checksRoundTripEndMs: number | null;
};

async function once(browser: Browser, url: string): Promise<WizardVisit> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: RECORD_WHEN_CHECKS_APPEAR });
    await page.goto(url, { waitUntil: "commit", timeout: 30_000 });
    await page.locator('[data-testid="platform"]').waitFor({ timeout: 30_000 });
    const visit = await page.evaluate(`(() => {
      const navigation = performance.getEntriesByType("navigation")[0];
      const resources = performance.getEntriesByType("resource");
      const scripts = resources.filter((entry) => entry.initiatorType === "script");
      const checks = resources.filter((entry) => entry.initiatorType === "fetch" && entry.startTime < window.__benchChecksShownAt);
      return {
        checksShownMs: window.__benchChecksShownAt,
        htmlReceivedMs: navigation.responseEnd,
        domContentLoadedMs: navigation.domContentLoadedEventEnd,
        scriptsReceivedMs: Math.max(0, ...scripts.map((entry) => entry.responseEnd)),
        checksRoundTripStartMs: checks.length ? Math.min(...checks.map((entry) => entry.startTime)) : null,
        checksRoundTripEndMs: checks.length ? Math.max(...checks.map((entry) => entry.responseEnd)) : null,
      };
    })()`);
    const timed = visit as WizardVisit;
    if (typeof timed.checksShownMs !== "number") throw new Error("the checks appeared but were not timed");
    return timed;
  } finally {
    await context.close();
  }
}

/** `runs` visits after one untimed warm-up visit, and the browser's version. */
export async function wizardTimings(
  baseUrl: string,
  runs: number,
): Promise<{ visits: WizardVisit[]; browserVersion: string }> {
  const [result] = await interleavedWizardTimings([baseUrl], runs);
  return result;
}

/**
 * The same for several servers, visited in turn (one visit to each per round), so that a busy minute on a shared
 * machine weighs on each of them alike: for before/after comparisons.
 */
export async function interleavedWizardTimings(
  baseUrls: string[],
  runs: number,
): Promise<{ visits: WizardVisit[]; browserVersion: string }[]> {
  const browser = await chromium.launch({
    headless: true,
    executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  try {
    const urls = baseUrls.map((baseUrl) => new URL("/troubleshoot", baseUrl).href);
    for (const url of urls) await once(browser, url);
    const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
    const visits: WizardVisit[][] = urls.map(() => []);
    for (let i = 0; i < runs; i++) {
      for (const [index, url] of urls.entries()) {
        const visit = await once(browser, url);
        visits[index].push(
          Object.fromEntries(Object.entries(visit).map(([key, value]) => [key, round(value)])) as WizardVisit,
        );
      }
    }
    return visits.map((list) => ({ visits: list, browserVersion: browser.version() }));
  } finally {
    await browser.close();
  }
}
