"use client";

// The wizard's interactive parts. page.tsx lays the cards out on the server; these islands share one state: the
// checks' answer, the problem picked and the live test's steps, which the report gathers.
import { createContext, lazy, type ReactNode, Suspense, use, useEffect, useState } from "react";
import { Alert } from "@/components/alert";
import { Button } from "@/components/button";
import { Card } from "@/components/card";
import { reachServer } from "@/lib/browser/server-unreachable";
import type { ReportContent } from "@/lib/troubleshoot/report-content";
import type { LiveTestRun } from "./live-test";
import { saveReportAction } from "./actions";
import { type ChecksOutcome, runChecks } from "./run-checks";

// Loaded when the person opens them, not with the page: the automatic checks come first and need neither.
// (React.lazy rather than next/dynamic, whose loader adds ≈ 1.9 kB gzip to the page.)
const SymptomPath = lazy(() => import("./symptom-path").then((module) => ({ default: module.SymptomPath })));
const LiveTest = lazy(() => import("./live-test").then((module) => ({ default: module.LiveTest })));

type WizardState = {
  checks: ChecksOutcome | null;
  symptom: ReportContent["symptom"];
  setSymptom: (symptom: ReportContent["symptom"]) => void;
  liveTest: LiveTestRun;
  setLiveTest: (run: LiveTestRun) => void;
};

const WizardContext = createContext<WizardState | null>(null);

function useWizard(): WizardState {
  const state = use(WizardContext);
  if (!state) throw new Error("wizard parts must be inside <WizardProvider>");
  return state;
}

/** Runs the automatic checks once the page is up. */
export function WizardProvider({ children }: { children: ReactNode }) {
  const [checks, setChecks] = useState<ChecksOutcome | null>(null);
  const [symptom, setSymptom] = useState<ReportContent["symptom"]>();
  const [liveTest, setLiveTest] = useState<LiveTestRun>({ steps: [], running: false });

  useEffect(() => {
    void runChecks().then(setChecks);
  }, []);

  return <WizardContext value={{ checks, symptom, setSymptom, liveTest, setLiveTest }}>{children}</WizardContext>;
}

/** `unreachable`: the answer when the server cannot be reached, rendered on the server with the page. */
export function AutomaticChecks({ unreachable }: { unreachable: ReactNode }) {
  const { checks } = useWizard();
  if (!checks) {
    return (
      <p role="status" className="text-sm text-slate-600">
        Checking this browser…
      </p>
    );
  }
  if (checks.ok) return checks.view;
  return checks.unreachable ? unreachable : <Alert tone="error">{checks.message}</Alert>;
}

/** Shown once the checks know the platform: the paths' steps are for this OS and browser. */
export function WhatGoesWrong() {
  const { checks, setSymptom } = useWizard();
  const [opened, setOpened] = useState(false);
  if (!checks?.ok) return null;
  return (
    <Card title="2. What goes wrong?">
      <details onToggle={(event) => event.currentTarget.open && setOpened(true)}>
        <summary className="cursor-pointer text-sm text-brand-700">
          Pick what you see, and get steps for this device
        </summary>
        <div className="mt-3">
          {opened && (
            <Suspense
              fallback={
                <p role="status" className="text-sm text-slate-600">
                  Loading the questions…
                </p>
              }
            >
              <SymptomPath platform={checks.platform} findings={checks.findings} onChange={setSymptom} />
            </Suspense>
          )}
        </div>
      </details>
    </Card>
  );
}

export function LiveTestLauncher({ rpId }: { rpId: string }) {
  const { checks, setLiveTest } = useWizard();
  const [started, setStarted] = useState(false);
  if (!started) {
    return (
      <Button
        type="button"
        onClick={() => {
          // Running from the click on: the report must not be saved while the test loads and runs.
          setStarted(true);
          setLiveTest({ steps: [], running: true });
        }}
        className="self-start"
      >
        Run the live test
      </Button>
    );
  }
  return (
    <Suspense
      fallback={
        <Button type="button" busy className="self-start">
          Run the live test
        </Button>
      }
    >
      <LiveTest platform={checks?.ok ? checks.platform : null} rpId={rpId} onRun={setLiveTest} />
    </Suspense>
  );
}

/** `email`: the signed-in person's, offered for the report so support can find the account. */
export function SaveReport({ email }: { email: string | null }) {
  const { checks, symptom, liveTest } = useWizard();
  const [includeEmail, setIncludeEmail] = useState(false);
  const [saved, setSaved] = useState<{ code: string } | { error: string } | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    if (!checks?.ok || liveTest.running) return;
    const { platform, findings } = checks;
    setSaving(true);
    const content: ReportContent = {
      version: 1,
      platform: { os: platform.os.label, browser: platform.browser.label, inAppBrowser: platform.inAppBrowser },
      findings,
      symptom,
      liveTest: liveTest.steps.length > 0 ? liveTest.steps : undefined,
      contactEmail: includeEmail && email ? email : undefined,
    };
    const result = await reachServer(saveReportAction(content));
    setSaving(false);
    setSaved(result.ok ? { code: result.data.code } : { error: result.message });
  }

  return (
    <>
      {email && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={includeEmail} onChange={(event) => setIncludeEmail(event.target.checked)} />
          Include my email ({email}) so support can find my account
        </label>
      )}
      <Button
        type="button"
        onClick={() => void save()}
        busy={saving}
        disabled={!checks?.ok || liveTest.running}
        className="self-start"
      >
        Save report
      </Button>
      {liveTest.running && (
        <p className="text-sm text-slate-600">You can save the report once the live test has finished.</p>
      )}
      {saved && "code" in saved && (
        <Alert tone="success">
          Your report code is{" "}
          <strong className="font-mono text-lg tracking-widest" data-testid="saved-code">
            {saved.code}
          </strong>
          .{" "}
          <a href={`/troubleshoot/report/${saved.code}`} className="underline">
            View, copy or download it
          </a>
        </Alert>
      )}
      {saved && "error" in saved && <Alert tone="error">{saved.error}</Alert>}
    </>
  );
}
