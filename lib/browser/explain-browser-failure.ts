// A failed ceremony explained by the server in the page's language (lib/compat/explain-browser-failure-action.ts),
// loaded on the first failure by describeBrowserError (webauthn-browser.ts) and used directly by the report card.
import type { CeremonyError } from "@/lib/compat/browser-errors";
import { messageHint } from "@/lib/compat/error-message-hint";
import {
  type BrowserFailureExplanation,
  type BrowserFailureFacts,
  explainBrowserFailureAction,
} from "@/lib/compat/explain-browser-failure-action";
import { DOM_EXCEPTION_NAMES, WEBAUTHN_ERROR_CODES } from "@/lib/compat/ceremony-error-names";

/** What the server is sent about a failure: enumerated facts only, never the browser's own message. */
function factsOf(thrown: CeremonyError, locale?: "en"): BrowserFailureFacts {
  const name = DOM_EXCEPTION_NAMES.find((known) => known === thrown.name) ?? "other";
  const code = WEBAUTHN_ERROR_CODES.find((known) => known === thrown.code);
  // Whole milliseconds within a day, as the action accepts them (a page left open longer is still explained).
  const whole = (ms: number | undefined) =>
    ms === undefined ? undefined : Math.min(86_400_000, Math.max(0, Math.round(ms)));
  return {
    name,
    ...(code ? { code } : {}),
    ceremony: thrown.ceremony,
    ...(messageHint(thrown.message) ? { hint: messageHint(thrown.message) } : {}),
    ...(thrown.elapsedMs !== undefined ? { elapsedMs: whole(thrown.elapsedMs) } : {}),
    ...(thrown.timeoutMs !== undefined ? { timeoutMs: whole(thrown.timeoutMs) } : {}),
    ...(locale ? { locale } : {}),
  };
}

/**
 * The explanation of a failure, from the server in the page's language (or English for the report card, `locale`
 * "en"); null when the server could not be reached.
 */
export async function explainBrowserFailure(
  thrown: CeremonyError,
  locale?: "en",
): Promise<BrowserFailureExplanation | null> {
  try {
    const answer = await explainBrowserFailureAction(factsOf(thrown, locale));
    return answer.ok ? answer.data : null;
  } catch {
    return null;
  }
}
