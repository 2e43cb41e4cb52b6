"use client";

import { startAuthentication, startRegistration, WebAuthnError } from "@simplewebauthn/browser";
import { useState } from "react";
import { MismatchTable } from "@/components/troubleshoot/mismatch-table";
import { StatusBadge } from "@/components/troubleshoot/status-badge";
import { Button } from "@/components/ui";
import { signalUnknownCredential } from "@/components/webauthn-browser";
import { explainCeremonyError } from "@/lib/compat/browser-errors";
import type { Platform } from "@/lib/compat/platform-types";
import type { LiveTestStep } from "@/lib/troubleshoot/report-content";
import { finishLiveRegistrationAction, finishLiveSignInAction, startLiveSignInAction, startLiveTestAction } from "./actions";

/** A browser refusal as a report step: the DOMException and SimpleWebAuthn code mapped to a cause and a fix. */
function browserFailure(step: LiveTestStep["step"], error: unknown, platform: Platform | null): LiveTestStep {
  const name = error instanceof Error ? error.name : "Error";
  const code = error instanceof WebAuthnError ? error.code : undefined;
  const explained = explainCeremonyError({ name, code, message: error instanceof Error ? error.message : String(error), ceremony: step }, platform ?? undefined);
  return {
    step,
    ok: false,
    message: step === "create" ? "Your browser did not make the test passkey." : "Your browser did not use the test passkey.",
    browserError: { name: code ? `${name} (${code})` : name, cause: explained.cause, fix: explained.fix },
    checks: [],
  };
}

export function LiveTest({ platform, rpId, onSteps }: { platform: Platform | null; rpId: string; onSteps: (steps: LiveTestStep[]) => void }) {
  const [steps, setSteps] = useState<LiveTestStep[]>([]);
  const [running, setRunning] = useState(false);

  async function run() {
    setRunning(true);
    const done: LiveTestStep[] = [];
    const record = (step: LiveTestStep) => {
      done.push(step);
      setSteps([...done]);
    };
    try {
      const start = await startLiveTestAction();
      if (!start.ok) return record({ step: "create", ok: false, message: start.message, checks: [] });
      const { testId, options } = start.data;
      let created;
      try {
        created = await startRegistration({ optionsJSON: options });
      } catch (error) {
        return record(browserFailure("create", error, platform));
      }
      const registered = await finishLiveRegistrationAction(testId, created);
      record({ step: "create", ...registered });
      if (!registered.ok) return;
      const request = await startLiveSignInAction(testId);
      if (!request) return record({ step: "get", ok: false, message: "The live test expired. Run it again.", checks: [] });
      let asserted;
      try {
        asserted = await startAuthentication({ optionsJSON: request });
      } catch (error) {
        return record(browserFailure("get", error, platform));
      }
      record({ step: "get", ...(await finishLiveSignInAction(testId, asserted)) });
      // The throwaway passkey belongs to no account: ask the provider to hide it.
      await signalUnknownCredential(rpId, created.id);
    } finally {
      setRunning(false);
      onSteps(done);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        Your browser will ask you to create a passkey named “Passkey Lab live test”, then to use it. It belongs to no account
        (your own is never touched), and the server forgets it right after.
      </p>
      <Button type="button" onClick={() => void run()} busy={running} className="self-start">
        {steps.length > 0 ? "Run the live test again" : "Run the live test"}
      </Button>
      <ol aria-label="Live test results" aria-live="polite" className="flex flex-col gap-4">
        {steps.map((step, index) => (
          <li key={index} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
            <p className="text-sm">
              <StatusBadge status={step.ok ? "ok" : "problem"} />{" "}
              <span className="font-medium">{step.step === "create" ? "Making a passkey" : "Signing in with it"}:</span> {step.message}
            </p>
            {step.browserError && (
              <div className="text-sm">
                <p>
                  <span className="font-medium">Cause:</span> {step.browserError.cause}
                </p>
                <p>
                  <span className="font-medium">Fix:</span> {step.browserError.fix}
                </p>
                <p className="text-xs text-slate-600">Browser error: {step.browserError.name}</p>
              </div>
            )}
            {step.facts && (
              <p className="text-xs text-slate-600">
                {Object.entries(step.facts)
                  .map(([key, value]) => `${key}: ${value}`)
                  .join(" · ")}
              </p>
            )}
            {!step.ok && step.checks.length > 0 && <MismatchTable checks={step.checks} />}
            {step.detail && <p className="text-xs text-slate-600">Server said: {step.detail}</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}
