// One step in the browser: options from the server, one create() or get(), and the answer decoded on the server.
// Byte-valued extension inputs travel as base64url and are turned into bytes here (SimpleWebAuthn leaves extensions
// alone); byte-valued outputs are summarised before anything is sent back.
import {
  base64URLStringToBuffer,
  startAuthentication,
  startRegistration,
  WebAuthnError,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import type { CardCredential, StepResult } from "@/lib/report-card/card";
import { describeStepFailure } from "@/lib/report-card/describe-failure";
import { summariseExtensionResults } from "@/lib/report-card/extension-results";
import type { CreationOptionsJSON, RequestOptionsJSON } from "@/lib/report-card/step-options";
import { STEPS, type StepId } from "@/lib/report-card/steps";
import type { Failure } from "@/lib/result";
import { explainBrowserFailure } from "@/lib/browser/explain-browser-failure";
import { runConditionalCreate, runImmediateGet } from "./run-newer-step";
import { describeAssertionAction, describeRegistrationAction, reportCardOptionsAction } from "./actions";

function serverRefusal(stepId: StepId, failure: Failure): StepResult {
  return {
    stepId,
    status: "error",
    headline: `Our server could not run this step: ${failure.message}`,
    rows: [],
    ...(failure.detail ? { detail: failure.detail } : {}),
  };
}

/** PRF salts are bytes in the browser API (WebAuthn L3 §10.1.4). */
function withPrfBytes<T extends CreationOptionsJSON | RequestOptionsJSON>(options: T) {
  const first = options.extensions?.prf?.eval?.first;
  if (!first) return options;
  return {
    ...options,
    extensions: { ...options.extensions, prf: { eval: { first: base64URLStringToBuffer(first) } } },
  };
}

async function browserFailure(stepId: StepId, error: unknown): Promise<StepResult> {
  // SimpleWebAuthn wraps the DOMException (its name is kept); the browser's own message is on the cause.
  const cause = error instanceof WebAuthnError && error.cause instanceof Error ? error.cause : null;
  const thrown = {
    name: error instanceof Error ? error.name : "Error",
    code: error instanceof WebAuthnError ? error.code : undefined,
    message: cause?.message ?? (error instanceof Error ? error.message : String(error)),
  };
  // The card is a developer page and stays English (decision 027), whatever the visitor's language.
  const explained = await explainBrowserFailure({ ...thrown, ceremony: STEPS[stepId].ceremony }, "en");
  return describeStepFailure(stepId, thrown, explained);
}

/** `credentials`: for a get step, the one credential it signs in with (allowCredentials). */
export async function runStep(stepId: StepId, credentials: CardCredential[]): Promise<StepResult> {
  const options = await reportCardOptionsAction(
    stepId,
    credentials.map(({ id, transports }) => ({ id, transports })),
  );
  if (!options.ok) return serverRefusal(stepId, options);
  const step = STEPS[stepId];
  if (options.data.ceremony === "create") {
    let response;
    if (step.ceremony === "create" && step.mediation === "conditional") {
      const outcome = await runConditionalCreate(
        stepId,
        options.data.options as PublicKeyCredentialCreationOptionsJSON,
      );
      if ("result" in outcome) return outcome.result;
      response = outcome.response;
    } else {
      try {
        response = await startRegistration({
          optionsJSON: withPrfBytes(options.data.options) as PublicKeyCredentialCreationOptionsJSON,
        });
      } catch (error) {
        return browserFailure(stepId, error);
      }
    }
    const extensions = summariseExtensionResults(response.clientExtensionResults);
    const answer = await describeRegistrationAction({
      stepId,
      response: { ...response, clientExtensionResults: {} },
      extensions,
    });
    return answer.ok ? answer.data : serverRefusal(stepId, answer);
  }
  let response;
  if (step.ceremony === "get" && step.immediate) {
    const outcome = await runImmediateGet(stepId, options.data.options as PublicKeyCredentialRequestOptionsJSON);
    if ("result" in outcome) return outcome.result;
    response = outcome.response;
  } else {
    try {
      response = await startAuthentication({
        optionsJSON: withPrfBytes(options.data.options) as PublicKeyCredentialRequestOptionsJSON,
      });
    } catch (error) {
      return browserFailure(stepId, error);
    }
  }
  const extensions = summariseExtensionResults(response.clientExtensionResults);
  const known = credentials.map(({ id, signCount, madeBy }) => ({ id, signCount, madeBy }));
  const answer = await describeAssertionAction({
    stepId,
    response: { ...response, clientExtensionResults: {} },
    extensions,
    known,
  });
  return answer.ok ? answer.data : serverRefusal(stepId, answer);
}
