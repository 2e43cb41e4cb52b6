// The automatic checks' answer, as the wizard's islands read it. The page's inline script gets it (start-checks.ts)
// and draws it while the page's React is still loading; the islands — the symptom paths and the report — use the
// same answer, never a second request. Where React rendered the page in the browser instead (a client-side
// navigation, or the language switched on this page), nothing ran the page's script, and the island runs the checks.
import type { ChecksOutcome } from "./start-checks";

/** The checks' container and the page's JSON config for them (automatic-checks.tsx). */
export const CHECKS_IDS = { container: "automatic-checks", config: "automatic-checks-config" };

/**
 * Dispatched on the document once the checks are drawn (their answer, or why there is none): the server holds the
 * framework's scripts back until then (server/hold-framework-scripts.mjs, FIRST_CONTENT_EVENTS).
 */
export const CHECKS_DRAWN_EVENT = "passkey-lab:checks-drawn";

declare global {
  interface Window {
    /** Set by startChecks: the answer of the checks drawn last. */
    passkeyLabChecks?: Promise<ChecksOutcome>;
  }
}

/** The answer of the checks drawn in this page's container, running them first if nothing has. */
export async function checksAnswer(): Promise<ChecksOutcome> {
  const drawn = document.getElementById(CHECKS_IDS.container)?.hasChildNodes();
  if (drawn && window.passkeyLabChecks) return window.passkeyLabChecks;
  const { checkParts, startChecks } = await import("./start-checks");
  startChecks(CHECKS_IDS, checkParts);
  return window.passkeyLabChecks ?? { ok: false, unreachable: true };
}
