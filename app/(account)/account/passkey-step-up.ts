// The passkey half of a step-up, as every page that asks for one runs it: options, the browser's ceremony, the grant
// for `purpose`. A dropped connection and the browser's own refusals come back as a message, never a throw.
import { startAuthentication } from "@simplewebauthn/browser";
import { reachServer } from "@/lib/browser/server-unreachable";
import { reported } from "@/lib/browser/report-ceremony";
import { describeBrowserError } from "@/lib/browser/webauthn-browser";
import type { StepUpPurpose } from "@/lib/db/schema";
import { finishPasskeyStepUpAction, startPasskeyStepUpAction } from "./actions";

export type StepUpOutcome =
  { ok: true } | { ok: false; message: string; detail?: string; causes?: string[]; fixes?: string[] };

export async function stepUpWithPasskey(purpose: StepUpPurpose): Promise<StepUpOutcome> {
  const start = await reachServer(startPasskeyStepUpAction());
  if (!start.ok) return start;
  let response;
  const timing = { startedAt: Date.now(), timeoutMs: start.data.options.timeout };
  try {
    response = await reported("step-up", () => startAuthentication({ optionsJSON: start.data.options }));
  } catch (error) {
    return { ok: false, ...(await describeBrowserError(error, "get", timing)) };
  }
  return reachServer(finishPasskeyStepUpAction(start.data.ceremonyId, response, purpose));
}
