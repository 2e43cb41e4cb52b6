// The report card's two newest steps, which @simplewebauthn/browser v14 has no option for: conditional create and
// immediate sign-in, through lib/browser/newer-ceremonies.ts. What the browser did is the result, including "nothing".
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { browserCan, createConditionally, getImmediately } from "@/lib/browser/newer-ceremonies";
import type { StepResult } from "@/lib/report-card/card";
import type { StepId } from "@/lib/report-card/steps";

/** How long the card waits for a password manager that may never answer a conditional create. */
const CONDITIONAL_CREATE_WAIT_MS = 20_000;
/** An immediate request that is refused later than this was a chooser the person closed, not a fast "none here". */
const FAST_REFUSAL_MS = 3_000;

const notReported = (stepId: StepId, capability: string): StepResult => ({
  stepId,
  status: "not-supported",
  headline: `This browser does not report ${capability} in getClientCapabilities(), so the page does not ask: the site would fall back as usual.`,
  rows: [{ label: `getClientCapabilities().${capability}`, value: "not true" }],
});

/** A conditional create: the response, or the result to show when the password manager made nothing. */
export async function runConditionalCreate(
  stepId: StepId,
  options: PublicKeyCredentialCreationOptionsJSON,
): Promise<{ response: Awaited<ReturnType<typeof createConditionally>> } | { result: StepResult }> {
  if (!(await browserCan("conditionalCreate"))) return { result: notReported(stepId, "conditionalCreate") };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), CONDITIONAL_CREATE_WAIT_MS);
  try {
    return { response: await createConditionally(options, controller.signal) };
  } catch (error) {
    const name = error instanceof Error ? error.name : "Error";
    const waited = controller.signal.aborted;
    return {
      result: {
        stepId,
        status: "not-observable",
        headline: waited
          ? "The browser took the request and made no passkey in 20 seconds, without any dialog: a password manager makes one only right after it filled in a saved password for this site."
          : "The browser declined at once, without any dialog: no password manager here would make a passkey now (it makes one only right after it filled in a saved password for this site).",
        rows: [{ label: "What the browser did", value: waited ? "kept the request pending" : `declined (${name})` }],
        detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      },
    };
  } finally {
    clearTimeout(timer);
  }
}

/** An immediate get: the response, or what a refusal says (fast: nothing here; slow: the chooser was closed). */
export async function runImmediateGet(
  stepId: StepId,
  options: PublicKeyCredentialRequestOptionsJSON,
): Promise<{ response: Awaited<ReturnType<typeof getImmediately>> } | { result: StepResult }> {
  if (!(await browserCan("immediateGet"))) return { result: notReported(stepId, "immediateGet") };
  const startedAt = Date.now();
  try {
    return { response: await getImmediately(options) };
  } catch (error) {
    const elapsed = Date.now() - startedAt;
    const fast = elapsed < FAST_REFUSAL_MS;
    return {
      result: {
        stepId,
        status: fast ? "supported" : "not-observable",
        headline: fast
          ? "The browser answered at once, without a dialog, that this device holds no passkey for this request: a site can go straight to its password form."
          : "The browser showed its chooser and you closed it; immediate mediation cannot be judged from that.",
        rows: [{ label: "Refused after", value: `${elapsed} ms` }],
        detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      },
    };
  }
}
