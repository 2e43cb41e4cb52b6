// The automatic checks' answer, as the wizard's islands read it. The page's inline script gets it (early-checks-script.ts)
// and draws it while the page's React is still loading; the islands — the symptom paths and the report — use the
// same answer once they run, never a second request.
import type { Platform } from "@/lib/compat/platform-types";
import type { EnvironmentSnapshot } from "@/lib/compat/snapshot";

/**
 * `platform` names the device in the symptom path's heading; `snapshot` is what was judged (with the server's two
 * answers), which the symptom steps and the report are made from.
 */
export type BrowserChecks = { platform: Platform; snapshot: EnvironmentSnapshot };

/** `unreachable`: the server did not answer (offline, blocked, timed out); else it answered with an error. */
export type ChecksOutcome = ({ ok: true } & BrowserChecks) | { ok: false; unreachable: boolean };

declare global {
  interface Window {
    /** Set by the page's inline script as the page is parsed. */
    passkeyLabChecks?: Promise<ChecksOutcome>;
  }
}

/** The inline script's answer, once the page has been parsed (the script runs where the checks' card is). */
export function checksAnswer(): Promise<ChecksOutcome> {
  return new Promise((resolve) => {
    const read = () => resolve(window.passkeyLabChecks ?? { ok: false, unreachable: true });
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", read, { once: true });
    else read();
  });
}
