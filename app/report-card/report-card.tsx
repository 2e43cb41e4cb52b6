"use client";

import { useState } from "react";
import { SERVER_UNREACHABLE } from "@/lib/browser/post-json";
import { Button, Card } from "@/components/ui";
import { describeClient } from "@/lib/client-info";
import { STATUS_LABELS, type CardCredential, type StepResult } from "@/lib/report-card/card";
import { exportReportCard } from "@/lib/report-card/export-card";
import { STEP_IDS, STEPS, type StepId } from "@/lib/report-card/steps";
import { summariseCard } from "@/lib/report-card/summary";
import { runStep } from "./run-step";
import { StepPanel } from "./step-panel";

const GROUPS: { title: string; intro: string; steps: StepId[] }[] = [
  {
    title: "Making credentials",
    intro:
      "The first step asks for everything a passkey can be asked for; the second for as little as possible, as an old-style security key login would; the third the same without attestation, to show what your browser then keeps back.",
    steps: ["passkey", "no-passkey", "attestation-none"],
  },
  {
    title: "Resident key and user verification, one at a time",
    intro: `“${STEPS.passkey.title}” and “${STEPS["no-passkey"].title}” change both together, so a “no” there does not say which of the two your authenticator could not do. These require one and discourage the other, and show what the authenticator did with the one left to it: whether it verified you anyway, whether it stored a passkey anyway.`,
    steps: ["resident-key-only", "uv-only"],
  },
  {
    title: "Algorithms",
    intro:
      "A create() that lists several algorithms only shows the one the authenticator picked (the first step lists all five, EdDSA first), not whether it could use the others. So each algorithm gets its own create() offering only it: one click each, and an honest yes or no per algorithm.",
    steps: ["alg-es256", "alg-eddsa", "alg-rs256", "alg-es384", "alg-es512"],
  },
  {
    title: "Signing in",
    intro:
      "These sign in with the credential made by the last of the first two steps you ran. On a passkey manager every new test passkey replaces the previous one, so if you ran other steps since, run that step again first.",
    steps: ["get-uv", "get-prf"],
  },
  {
    title: "Hints",
    intro:
      "Hints only change which choices the browser shows first. Nothing in the answer says whether it read them, so these steps report what you ended up using and say “not observable” rather than guess.",
    steps: ["hint-security-key", "hint-client-device", "hint-hybrid"],
  },
  {
    title: "Newest flows",
    intro:
      "Automatic passkey upgrade (conditional create) and immediate sign-in. Both are offered only where the browser reports them in getClientCapabilities(); the card says what this browser did.",
    steps: ["conditional-create", "get-immediate"],
  },
];

/** The steps whose credential the sign-in steps use: they asked for PRF at creation, which CTAP2 keys need. */
const SIGN_IN_SOURCES: StepId[] = ["passkey", "no-passkey"];

function download(rpId: string, results: Partial<Record<StepId, StepResult>>) {
  const card = exportReportCard({
    generatedAt: new Date(),
    client: describeClient(navigator.userAgent),
    userAgent: navigator.userAgent,
    rpId,
    results,
  });
  const url = URL.createObjectURL(new Blob([JSON.stringify(card, null, 2)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = "passkey-lab-report-card.json";
  link.click();
  URL.revokeObjectURL(url);
}

export function ReportCard({ rpId }: { rpId: string }) {
  const [results, setResults] = useState<Partial<Record<StepId, StepResult>>>({});
  const [running, setRunning] = useState<StepId | null>(null);
  // One credential, not every one made here: which of several allowed credentials an authenticator picks is its own
  // choice, and the card must say which one a sign-in used.
  const [signInWith, setSignInWith] = useState<CardCredential | null>(null);

  async function run(stepId: StepId) {
    setRunning(stepId);
    try {
      const result = await runStep(stepId, signInWith ? [signInWith] : []);
      setResults((previous) => ({ ...previous, [stepId]: result }));
      const credential = result.credential;
      if (credential && SIGN_IN_SOURCES.includes(stepId)) setSignInWith(credential);
      // A get returns no transports: keep the ones the create reported, and remember the new counter.
      if (credential && STEPS[stepId].ceremony === "get")
        setSignInWith((previous) => previous && { ...previous, signCount: credential.signCount });
    } catch (error) {
      // The server action itself failed (offline, or refused before it ran): still one plain result for this step.
      const unreachable: StepResult = {
        stepId,
        status: "error",
        headline: SERVER_UNREACHABLE,
        rows: [],
        detail: String(error),
      };
      setResults((previous) => ({ ...previous, [stepId]: unreachable }));
    } finally {
      setRunning(null);
    }
  }

  const noCredential = signInWith
    ? undefined
    : `Run “${STEPS.passkey.title}” or “${STEPS["no-passkey"].title}” first: this step signs in with the credential it made.`;
  return (
    <div className="flex flex-col gap-6">
      {/* Where the person stands, above the steps: announced politely as results come in. */}
      <p
        role="status"
        aria-label="Report card summary"
        className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm font-medium text-slate-900"
      >
        {summariseCard(
          STEP_IDS.map((id) => results[id]),
          STEP_IDS.length,
        )}
      </p>
      {GROUPS.map((group) => (
        <Card key={group.title} title={group.title}>
          <p className="mb-4 text-sm text-slate-700">{group.intro}</p>
          <div className="flex flex-col gap-4">
            {group.steps.map((id) => {
              const blocked = STEPS[id].ceremony === "get" ? noCredential : undefined;
              return (
                <StepPanel
                  key={id}
                  step={STEPS[id]}
                  result={results[id]}
                  running={running === id}
                  disabled={running !== null || blocked !== undefined}
                  blockedBecause={blocked}
                  onRun={() => void run(id)}
                />
              );
            })}
          </div>
        </Card>
      ))}
      <Card title="Your report card">
        <table className="mb-4 w-full text-left text-sm">
          <caption className="sr-only">Every step and its result</caption>
          <thead>
            <tr className="text-slate-600">
              <th scope="col" className="py-1 pr-3 font-medium">
                Step
              </th>
              <th scope="col" className="py-1 font-medium">
                Result
              </th>
            </tr>
          </thead>
          <tbody>
            {STEP_IDS.map((id) => (
              <tr key={id} className="border-t border-slate-100">
                <th scope="row" className="py-1 pr-3 font-normal text-slate-900">
                  {STEPS[id].title}
                </th>
                <td className="py-1 text-slate-900">{results[id] ? STATUS_LABELS[results[id].status] : "Not run"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mb-3 text-sm text-slate-700">
          The whole card as JSON: your browser and OS (from its user agent), each step&apos;s options and result. No
          challenges, keys or PRF secrets are in it.
        </p>
        <Button type="button" onClick={() => download(rpId, results)}>
          Download JSON
        </Button>
      </Card>
    </div>
  );
}
