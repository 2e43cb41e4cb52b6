// The automatic checks in one round trip: probe this browser, store the probe cookie, and send both to the server,
// which judges them and renders the result (the rules, their tables and their words stay off the page). Shown as soon
// as that one request answers.
import { type BrowserChecks, checkBrowserAction } from "./actions";
import { captureSnapshot } from "./capture-snapshot";
import { storeProbeCookie } from "./cookie-probe";

/** How long the page waits for the server before saying it cannot reach it (the old cookie probe waited 2 s). */
const SERVER_WAIT_MS = 10_000;

/** `unreachable`: the server did not answer (offline, blocked, timed out); `message`: it answered with an error. */
export type ChecksOutcome = ({ ok: true } & BrowserChecks) | { ok: false; unreachable: boolean; message?: string };

export async function runChecks(): Promise<ChecksOutcome> {
  const cookieProbe = storeProbeCookie();
  const snapshot = await captureSnapshot();
  try {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), SERVER_WAIT_MS));
    const answer = await Promise.race([checkBrowserAction({ snapshot, cookieProbe }), timeout]);
    return answer.ok ? { ok: true, ...answer.data } : { ok: false, unreachable: false, message: answer.message };
  } catch {
    // The request that carries the checks is also the connection test.
    return { ok: false, unreachable: true };
  }
}
