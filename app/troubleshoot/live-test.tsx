"use client";

import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/button";
import { reachServer } from "@/lib/browser/server-unreachable";
import { reported } from "@/lib/browser/report-ceremony";
import { MismatchTable } from "@/components/troubleshoot/mismatch-table";
import { StatusBadge } from "@/components/troubleshoot/status-badge";
import {
  type BrowserFailure,
  describeBrowserError,
  signalUnknownCredential,
  toCeremonyError,
} from "@/lib/browser/webauthn-browser";
import { fillInText } from "@/lib/i18n/fill-in";
import { browserErrorFact } from "@/lib/troubleshoot/browser-error-names";
import type { LiveTestStepFact } from "@/lib/troubleshoot/report-content";
import type { LiveTestStepWords, MismatchTableText } from "@/lib/troubleshoot/live-test-words";
import {
  finishLiveRegistrationAction,
  finishLiveSignInAction,
  startLiveSignInAction,
  startLiveTestAction,
} from "./actions";

type StepName = LiveTestStepFact["step"];

/** The live test's words, in the page's language; the server's verdicts come in it too (actions.ts). */
export type LiveTestText = {
  runLiveTest: string;
  runAgain: string;
  signingIn: string;
  making: string;
  resultsLabel: string;
  /** With the slots {title} and {message}. */
  stepResult: string;
  cause: string;
  fix: string;
  /** With the slot {name}. */
  browserError: string;
  /** With the slot {detail}. */
  serverSaid: string;
  stepTitles: Record<StepName, string>;
  existingPasskey: string;
  browserRefused: Record<"create" | "get", string>;
  table: MismatchTableText;
};

/** One step as shown (`words`, `browserFailure`, `detail`) and as the report keeps it (`fact`). */
export type LiveTestStepView = {
  fact: LiveTestStepFact;
  words: LiveTestStepWords;
  browserFailure?: BrowserFailure & { name: string };
  detail?: string;
};

/** A browser refusal: the DOMException and SimpleWebAuthn code, explained in the page's language. */
async function browserFailure(step: "create" | "get", error: unknown, text: LiveTestText): Promise<LiveTestStepView> {
  const thrown = toCeremonyError(error, step);
  const explained = await describeBrowserError(error, step);
  const fact: LiveTestStepFact = {
    step,
    ok: false,
    browserError: browserErrorFact(thrown.name, thrown.code),
    checks: [],
  };
  const name = thrown.code ? `${thrown.name ?? "Error"} (${thrown.code})` : (thrown.name ?? "Error");
  return {
    fact,
    words: { title: text.stepTitles[step], message: text.browserRefused[step], checks: [] },
    browserFailure: { ...explained, name },
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

/** A run's steps so far; the report takes them once `running` is false. */
export type LiveTestRun = { steps: LiveTestStepFact[]; running: boolean };

/** Loaded when the person starts the live test (wizard.tsx), and runs it straight away. */
export function LiveTest({
  rpId,
  onRun,
  text,
}: {
  rpId: string;
  onRun: (run: LiveTestRun) => void;
  text: LiveTestText;
}) {
  const [steps, setSteps] = useState<LiveTestStepView[]>([]);
  const [running, setRunning] = useState(true);
  const [finishedOnce, setFinishedOnce] = useState(false);
  const started = useRef(false);

  async function run() {
    // A new run starts from nothing: the last run's result must not pass for this one's.
    setRunning(true);
    setSteps([]);
    onRun({ steps: [], running: true });
    const done: LiveTestStepView[] = [];
    const record = (step: LiveTestStepView) => {
      done.push(step);
      setSteps([...done]);
    };
    // Every server step goes through reachServer: a request that fails ends its step with the one message for it.
    const failed = (step: "create" | "get", failure: { message: string }) =>
      record({
        fact: { step, ok: false, checks: [] },
        words: { title: text.stepTitles[step], message: failure.message, checks: [] },
      });
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
          return record(await browserFailure("create", error, text));
        // A finding, not a failure: the device already holds this person's passkey. The test goes on without the
        // exclusion, on a passkey for no account, so that the sign-in half runs too.
        record({
          fact: { step: "existing-passkey", ok: true, checks: [] },
          words: { title: text.stepTitles["existing-passkey"], message: text.existingPasskey, checks: [] },
        });
        start = await reachServer(startLiveTestAction(false));
        if (!start.ok) return failed("create", start);
        const secondOptions = start.data.options;
        try {
          created = await reported("live-test-create", () => startRegistration({ optionsJSON: secondOptions }));
        } catch (again) {
          return record(await browserFailure("create", again, text));
        }
      }
      const { testId } = start.data;
      const registered = await reachServer(finishLiveRegistrationAction(testId, created));
      if (!registered.ok) return failed("create", registered);
      record(registered.data);
      if (!registered.data.fact.ok) return;
      const request = await reachServer(startLiveSignInAction(testId));
      if (!request.ok) return failed("get", request);
      let asserted;
      try {
        asserted = await reported("live-test-sign-in", () => startAuthentication({ optionsJSON: request.data }));
      } catch (error) {
        return record(await browserFailure("get", error, text));
      }
      const signedIn = await reachServer(finishLiveSignInAction(testId, asserted));
      if (!signedIn.ok) return failed("get", signedIn);
      record(signedIn.data);
      // The throwaway passkey belongs to no account: ask the provider to hide it.
      await signalUnknownCredential(rpId, created.id);
    } finally {
      setRunning(false);
      setFinishedOnce(true);
      onRun({ steps: done.map((step) => step.fact), running: false });
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
        {finishedOnce ? text.runAgain : text.runLiveTest}
      </Button>
      {running && (
        <p role="status" className="text-sm text-slate-600">
          {steps.some((step) => step.fact.step === "create") ? text.signingIn : text.making}
        </p>
      )}
      <ol aria-label={text.resultsLabel} aria-live="polite" className="flex flex-col gap-4">
        {steps.map(({ fact, words, browserFailure, detail }, index) => (
          <li key={index} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
            <p className="text-sm">
              <StatusBadge status={fact.ok ? "ok" : "problem"} />{" "}
              {fillInText(text.stepResult, { title: words.title, message: words.message })}
            </p>
            {browserFailure && <BrowserFailureDetails failure={browserFailure} text={text} />}
            {words.facts && <p className="text-xs text-slate-600">{words.facts}</p>}
            {!fact.ok && words.checks.length > 0 && <MismatchTable checks={words.checks} text={text.table} />}
            {detail && <p className="text-xs text-slate-600">{fillInText(text.serverSaid, { detail })}</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}

function BrowserFailureDetails({ failure, text }: { failure: BrowserFailure & { name: string }; text: LiveTestText }) {
  return (
    <div className="text-sm">
      {failure.causes && failure.fixes ? (
        <>
          <p className="font-medium">{text.cause}</p>
          <ul className="list-disc ps-5">
            {failure.causes.map((cause) => (
              <li key={cause}>{cause}</li>
            ))}
          </ul>
          <p className="font-medium">{text.fix}</p>
          <ul className="list-disc ps-5">
            {failure.fixes.map((fix) => (
              <li key={fix}>{fix}</li>
            ))}
          </ul>
        </>
      ) : (
        // One cause: the explanation is one text, the cause and then what to do.
        <p>{failure.message}</p>
      )}
      <p className="text-xs text-slate-600">{fillInText(text.browserError, { name: failure.name })}</p>
    </div>
  );
}
