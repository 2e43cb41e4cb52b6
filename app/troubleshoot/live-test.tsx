"use client";

import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/button";
import { reachServer } from "@/lib/browser/server-unreachable";
import { reported } from "@/lib/browser/report-ceremony";
import { MismatchTable } from "@/components/troubleshoot/mismatch-table";
import { StatusBadge } from "@/components/troubleshoot/status-badge";
import { explainBrowserFailure, signalUnknownCredential, toCeremonyError } from "@/lib/browser/webauthn-browser";
import type { Platform } from "@/lib/compat/platform-types";
import { liveTestStepTitles } from "@/lib/troubleshoot/live-test-steps";
import type { LiveTestStep } from "@/lib/troubleshoot/report-content";
import {
  finishLiveRegistrationAction,
  finishLiveSignInAction,
  startLiveSignInAction,
  startLiveTestAction,
} from "./actions";

/**
 * A browser refusal as a report step: the DOMException and SimpleWebAuthn code mapped to a cause and a fix, by the
 * server in the page's language (the platform read from this request's User-Agent there).
 */
async function browserFailure(step: "create" | "get", error: unknown): Promise<LiveTestStep> {
  const thrown = toCeremonyError(error, step);
  const explained = (await explainBrowserFailure(thrown)) ?? { cause: thrown.message ?? "", fix: "" };
  const name = thrown.name ?? "Error";
  const code = thrown.code;
  return {
    step,
    ok: false,
    message:
      step === "create" ? "Your browser did not make the test passkey." : "Your browser did not use the test passkey.",
    browserError: { name: code ? `${name} (${code})` : name, cause: explained.cause, fix: explained.fix },
    checks: [],
  };
}

/**
 * The device refused to make a passkey because it holds one of the excluded ones: this person's own (WebAuthn L3
 * §6.3.2 step 3: InvalidStateError for a credential in excludeCredentials). SimpleWebAuthn names it
 * ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED when it can tell.
 */
function holdsOwnPasskey(error: unknown, excluded: number): boolean {
  const thrown = toCeremonyError(error, "create");
  return (
    excluded > 0 && (thrown.code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED" || thrown.name === "InvalidStateError")
  );
}

const EXISTING_PASSKEY: LiveTestStep = {
  step: "existing-passkey",
  ok: true,
  message:
    "This device holds your passkey for this account, so it would not make a second one. The test goes on with a passkey for no account.",
  checks: [],
};

/** A run's steps so far; the report takes them once `running` is false. */
export type LiveTestRun = { steps: LiveTestStep[]; running: boolean };

/** Loaded when the person starts the live test (wizard.tsx), and runs it straight away. */
export function LiveTest({
  rpId,
  onRun,
}: {
  platform: Platform | null;
  rpId: string;
  onRun: (run: LiveTestRun) => void;
}) {
  const [steps, setSteps] = useState<LiveTestStep[]>([]);
  const [running, setRunning] = useState(true);
  const [finishedOnce, setFinishedOnce] = useState(false);
  const started = useRef(false);

  async function run() {
    // A new run starts from nothing: the last run's result must not pass for this one's.
    setRunning(true);
    setSteps([]);
    onRun({ steps: [], running: true });
    const done: LiveTestStep[] = [];
    const record = (step: LiveTestStep) => {
      done.push(step);
      setSteps([...done]);
    };
    // Every server step goes through reachServer: a request that fails ends its step with the one message for it.
    const failed = (step: "create" | "get", failure: { message: string }) =>
      record({ step, ok: false, message: failure.message, checks: [] });
    try {
      // First with the signed-in person's passkeys excluded: a device that holds one refuses, and says so.
      let start = await reachServer(startLiveTestAction(true));
      if (!start.ok) return failed("create", start);
      let created;
      const firstOptions = start.data.options;
      try {
        created = await reported("live-test-create", () => startRegistration({ optionsJSON: firstOptions }));
      } catch (error) {
        if (!holdsOwnPasskey(error, start.data.options.excludeCredentials?.length ?? 0))
          return record(await browserFailure("create", error));
        // A finding, not a failure: the device already holds this person's passkey. The test goes on without the
        // exclusion, on a passkey for no account, so that the sign-in half runs too.
        record(EXISTING_PASSKEY);
        start = await reachServer(startLiveTestAction(false));
        if (!start.ok) return failed("create", start);
        const secondOptions = start.data.options;
        try {
          created = await reported("live-test-create", () => startRegistration({ optionsJSON: secondOptions }));
        } catch (again) {
          return record(await browserFailure("create", again));
        }
      }
      const { testId } = start.data;
      const registered = await reachServer(finishLiveRegistrationAction(testId, created));
      if (!registered.ok) return failed("create", registered);
      record({ step: "create", ...registered.data });
      if (!registered.data.ok) return;
      const request = await reachServer(startLiveSignInAction(testId));
      if (!request.ok) return failed("get", request);
      let asserted;
      try {
        asserted = await reported("live-test-sign-in", () => startAuthentication({ optionsJSON: request.data }));
      } catch (error) {
        return record(await browserFailure("get", error));
      }
      const signedIn = await reachServer(finishLiveSignInAction(testId, asserted));
      if (!signedIn.ok) return failed("get", signedIn);
      record({ step: "get", ...signedIn.data });
      // The throwaway passkey belongs to no account: ask the provider to hide it.
      await signalUnknownCredential(rpId, created.id);
    } finally {
      setRunning(false);
      setFinishedOnce(true);
      onRun({ steps: done, running: false });
    }
  }

  useEffect(() => {
    // The person pressed "Run the live test" to load this component: run once (effects run twice in development).
    if (started.current) return;
    started.current = true;
    void run();
  }, []);

  return (
    <div className="flex flex-col gap-4">
      <Button type="button" onClick={() => void run()} busy={running} className="self-start">
        {finishedOnce ? "Run the live test again" : "Run the live test"}
      </Button>
      {running && (
        <p role="status" className="text-sm text-slate-600">
          {steps.some((step) => step.step === "create")
            ? "Signing in with the test passkey…"
            : "Making a test passkey: follow your browser's prompts…"}
        </p>
      )}
      <ol aria-label="Live test results" aria-live="polite" className="flex flex-col gap-4">
        {steps.map((step, index) => (
          <li key={index} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
            <p className="text-sm">
              <StatusBadge status={step.ok ? "ok" : "problem"} />{" "}
              <span className="font-medium">{liveTestStepTitles[step.step]}:</span> {step.message}
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
