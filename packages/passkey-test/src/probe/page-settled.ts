// When a site has finished reacting to a ceremony's answer: its requests are done and none started for a while.
// A config's step may wait for a success text that never comes after a refused ceremony; the probes do not wait for it.
import type { Page, Request } from "@playwright/test";

const QUIET_MS = 500;

/** Resolves once `page` has had no request in flight for QUIET_MS (or after `limitMs`, whichever is first). */
export function networkQuiet(page: Page, limitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const inFlight = new Set<Request>();
    let quietTimer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(quietTimer);
      clearTimeout(limitTimer);
      page.off("request", started).off("requestfinished", ended).off("requestfailed", ended).off("close", finish);
      resolve();
    };
    const armQuiet = () => {
      clearTimeout(quietTimer);
      if (inFlight.size === 0) quietTimer = setTimeout(finish, QUIET_MS);
    };
    const started = (request: Request) => {
      inFlight.add(request);
      clearTimeout(quietTimer);
    };
    const ended = (request: Request) => {
      inFlight.delete(request);
      armQuiet();
    };
    const limitTimer = setTimeout(finish, limitMs);
    page.on("request", started).on("requestfinished", ended).on("requestfailed", ended).on("close", finish);
    armQuiet();
  });
}

/** Whatever `step` throws, as a value: a step that fails is evidence, not a crash of the probe. */
export async function settle(step: Promise<void>): Promise<{ ok: true } | { ok: false; error: Error }> {
  try {
    await step;
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}
