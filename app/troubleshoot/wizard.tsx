"use client";

// The wizard's interactive parts. page.tsx lays the cards out on the server, and its inline script draws the automatic
// checks (start-checks.ts); these islands share one state: the checks' answer, the problem picked and the live test's
// steps, which the report gathers.
import { createContext, lazy, type ReactNode, Suspense, use, useEffect, useState } from "react";
import { Button } from "@/components/button";
import { Card } from "@/components/card";
import { useHydrated } from "@/lib/browser/use-hydrated";
import type { LiveTestRun, LiveTestText } from "./live-test";
import { checksAnswer } from "./checks-answer";
import type { ChecksOutcome } from "./start-checks";
import type { SaveReportText } from "./save-report";
import type { SymptomChoice, SymptomPathText } from "./symptom-path";

// Loaded when the person opens them, not with the page: the automatic checks come first and need neither.
// (React.lazy rather than next/dynamic, whose loader adds ≈ 1.9 kB gzip to the page.)
const SymptomPath = lazy(() => import("./symptom-path").then((module) => ({ default: module.SymptomPath })));
const LiveTest = lazy(() => import("./live-test").then((module) => ({ default: module.LiveTest })));
// Loaded once the checks have answered: a report cannot be saved before that.
const SaveReportForm = lazy(() => import("./save-report").then((module) => ({ default: module.SaveReportForm })));

type WizardState = {
  checks: ChecksOutcome | null;
  symptom: SymptomChoice | undefined;
  setSymptom: (symptom: SymptomChoice | undefined) => void;
  liveTest: LiveTestRun;
  setLiveTest: (run: LiveTestRun) => void;
};

const WizardContext = createContext<WizardState | null>(null);

function useWizard(): WizardState {
  const state = use(WizardContext);
  if (!state) throw new Error("wizard parts must be inside <WizardProvider>");
  return state;
}

/** Holds the automatic checks' answer once the page's script has it (or runs them: checks-answer.ts). */
export function WizardProvider({ children }: { children: ReactNode }) {
  const [checks, setChecks] = useState<ChecksOutcome | null>(null);
  const [symptom, setSymptom] = useState<SymptomChoice>();
  const [liveTest, setLiveTest] = useState<LiveTestRun>({ steps: [], running: false });

  useEffect(() => {
    void checksAnswer().then(setChecks);
  }, []);

  return <WizardContext value={{ checks, symptom, setSymptom, liveTest, setLiveTest }}>{children}</WizardContext>;
}

export type WhatGoesWrongText = { card: string; summary: string; loading: string; path: SymptomPathText };

/** Shown once the checks know the platform: the paths' steps are for this OS and browser. */
export function WhatGoesWrong({ text }: { text: WhatGoesWrongText }) {
  const { checks, setSymptom } = useWizard();
  const [opened, setOpened] = useState(false);
  if (!checks?.ok) return null;
  return (
    <Card title={text.card}>
      <details onToggle={(event) => event.currentTarget.open && setOpened(true)}>
        <summary className="cursor-pointer text-sm text-brand-700">{text.summary}</summary>
        <div className="mt-3">
          {opened && (
            <Suspense
              fallback={
                <p role="status" className="text-sm text-slate-600">
                  {text.loading}
                </p>
              }
            >
              <SymptomPath
                platform={checks.platform}
                snapshot={checks.snapshot}
                onChange={setSymptom}
                text={text.path}
              />
            </Suspense>
          )}
        </div>
      </details>
    </Card>
  );
}

export function LiveTestLauncher({ rpId, text }: { rpId: string; text: LiveTestText }) {
  const { setLiveTest } = useWizard();
  const [started, setStarted] = useState(false);
  // The page's React loads after the automatic checks are drawn (server/hold-framework-scripts.mjs): until then the
  // button would take a click and do nothing.
  const hydrated = useHydrated();
  if (!started) {
    return (
      <Button
        type="button"
        disabled={!hydrated}
        onClick={() => {
          // Running from the click on: the report must not be saved while the test loads and runs.
          setStarted(true);
          setLiveTest({ steps: [], running: true });
        }}
        className="self-start"
      >
        {text.runLiveTest}
      </Button>
    );
  }
  return (
    <Suspense
      fallback={
        <Button type="button" busy className="self-start">
          {text.runLiveTest}
        </Button>
      }
    >
      <LiveTest rpId={rpId} onRun={setLiveTest} text={text} />
    </Suspense>
  );
}

/** `email`: the signed-in person's, offered for the report so support can find the account. */
export function SaveReport({ email, text }: { email: string | null; text: SaveReportText }) {
  const { checks, symptom, liveTest } = useWizard();
  const notYet = (
    <Button type="button" disabled className="self-start">
      {text.saveReport}
    </Button>
  );
  if (!checks?.ok) return notYet;
  return (
    <Suspense fallback={notYet}>
      <SaveReportForm email={email} checks={checks} symptom={symptom} liveTest={liveTest} text={text} />
    </Suspense>
  );
}
