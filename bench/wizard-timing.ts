// The troubleshooting wizard: time from navigation start to the automatic checks on screen ([data-testid="platform"]
// renders together with every finding), read in the page with performance.now() (0 = navigation start), in a fresh
// browser context per run (a first visit: nothing cached) whose browser asks for one of the portal's languages.
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

/** Milestones of one visit, in ms after navigation start, and the language the page came in. */
export type WizardVisit = {
  lang: string;
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

/** One server in one language: the browser's Accept-Language (Playwright's `locale`) picks the page's language. */
export type WizardTarget = { baseUrl: string; locale: string };

async function once(browser: Browser, { baseUrl, locale }: WizardTarget): Promise<WizardVisit> {
  const context = await browser.newContext({ locale });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: RECORD_WHEN_CHECKS_APPEAR });
    await page.goto(new URL("/troubleshoot", baseUrl).href, { waitUntil: "commit", timeout: 30_000 });
    await page.locator('[data-testid="platform"]').waitFor({ timeout: 30_000 });
    const visit = await page.evaluate(`(() => {
      const navigation = performance.getEntriesByType("navigation")[0];
      const resources = performance.getEntriesByType("resource");
      const scripts = resources.filter((entry) => entry.initiatorType === "script");
      const checks = resources.filter((entry) => entry.initiatorType === "fetch" && entry.startTime < window.__benchChecksShownAt);
      return {
        lang: document.documentElement.lang,
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
    if (!locale.startsWith(timed.lang)) throw new Error(`asked for ${locale}, the page came in "${timed.lang}"`);
    return timed;
  } finally {
    await context.close();
  }
}

/**
 * `runs` visits to each target after one untimed warm-up visit each, one visit to each target per round, so that a
 * busy minute on a shared machine weighs on each of them alike (languages of one server, or builds before and after a
 * change); and the browser's version.
 */
export async function interleavedWizardTimings(
  targets: WizardTarget[],
  runs: number,
): Promise<{ visits: WizardVisit[]; browserVersion: string }[]> {
  const browser = await chromium.launch({
    headless: true,
    executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  try {
    for (const target of targets) await once(browser, target);
    const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
    const visits: WizardVisit[][] = targets.map(() => []);
    for (let i = 0; i < runs; i++) {
      for (const [index, target] of targets.entries()) {
        const { lang, ...milestones } = await once(browser, target);
        visits[index].push({
          lang,
          ...(Object.fromEntries(Object.entries(milestones).map(([key, value]) => [key, round(value)])) as Omit<
            WizardVisit,
            "lang"
          >),
        });
      }
    }
    return visits.map((list) => ({ visits: list, browserVersion: browser.version() }));
  } finally {
    await browser.close();
  }
}
