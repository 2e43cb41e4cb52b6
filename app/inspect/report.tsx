"use client";

import { useState } from "react";
import { Alert } from "@/components/alert";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import type { InspectResult, Step } from "@/lib/inspect/types";
import { DecodedFields, fieldLabel } from "./decoded-fields";

const VERDICTS = {
  valid: { tone: "success", text: "Valid: every judged step passed." },
  invalid: { tone: "error", text: "Invalid: at least one step failed." },
  incomplete: { tone: "info", text: "Incomplete: no step failed, but some could not be judged without more input." },
} as const;

const mark = (step: Step) => (step.ok === true ? "✓" : step.ok === false ? "✗" : "—");
const markLabel = (step: Step) => (step.ok === true ? "passed" : step.ok === false ? "failed" : "not judged");

export type NextStep = { publicKey: string; signCount: number };

export function Report({ result, onNextStep }: { result: InspectResult; onNextStep: (next: NextStep) => void }) {
  const verdict = VERDICTS[result.verdict];
  return (
    <div className="flex flex-col gap-4" data-testid="inspect-report">
      <Alert tone={verdict.tone}>
        <strong data-testid="inspect-verdict">{result.verdict}</strong> ({result.ceremony}) — {verdict.text}
      </Alert>
      {result.credential && <Credential credential={result.credential} onNextStep={onNextStep} />}
      {/* Long ids and hex values wrap anywhere, so the table fits a phone screen without scrolling sideways. */}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Verification steps</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-1 pr-2">
              Result
            </th>
            <th scope="col" className="py-1 pr-2">
              Step
            </th>
            <th scope="col" className="py-1 pr-2">
              Spec
            </th>
            <th scope="col" className="py-1">
              What it found
            </th>
          </tr>
        </thead>
        <tbody>
          {result.steps.map((step) => (
            <tr key={step.id} className="border-b border-slate-100 align-top">
              <td className="py-1 pr-2 text-lg" aria-label={markLabel(step)}>
                <span
                  aria-hidden
                  className={step.ok === false ? "text-red-700" : step.ok ? "text-green-700" : "text-slate-500"}
                >
                  {mark(step)}
                </span>
              </td>
              <td className="py-1 pr-2 font-mono text-xs wrap-anywhere">
                {step.id} {step.advisory && <Badge>does not decide</Badge>}
              </td>
              <td className="py-1 pr-2 text-xs whitespace-nowrap">{step.spec}</td>
              <td className="py-1 wrap-anywhere">{step.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {Object.entries(result.decoded).map(([name, value]) => (
        <details key={name} className="rounded-md border border-slate-200 p-3" open={name === "authenticatorData"}>
          <summary className="cursor-pointer font-medium">{fieldLabel(name)}</summary>
          <div className="mt-2">
            {typeof value === "object" && value !== null ? (
              <DecodedFields value={value as Record<string, unknown>} path={name} />
            ) : (
              <p className="font-mono text-xs">{String(value)}</p>
            )}
          </div>
        </details>
      ))}
    </div>
  );
}

/** The registered key and counter, to copy or to carry into the next inspection (the first assertion). */
function Credential({
  credential,
  onNextStep,
}: {
  credential: NonNullable<InspectResult["credential"]>;
  onNextStep: (next: NextStep) => void;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(credential.publicKey);
      setCopied("Copied the key.");
    } catch {
      setCopied("Copying was refused by the browser: select the key and copy it.");
    }
  }
  return (
    <section
      aria-label="The registered credential"
      className="flex flex-col gap-2 rounded-md border border-slate-200 p-3"
    >
      <h2 className="font-semibold">The registered credential, for the next step</h2>
      <p className="text-sm text-slate-700">
        A relying party stores this key and counter; paste them with the first sign-in to check its signature.
      </p>
      <label htmlFor="inspect-registered-key" className="text-sm font-medium text-slate-800">
        Credential public key (COSE, base64url)
      </label>
      <textarea
        id="inspect-registered-key"
        readOnly
        value={credential.publicKey}
        rows={3}
        className="rounded-md border border-slate-300 px-3 py-2 font-mono text-xs wrap-anywhere text-slate-900"
      />
      <p className="text-sm">
        Credential ID <span className="font-mono text-xs wrap-anywhere">{credential.id}</span>, sign count{" "}
        {credential.signCount}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => void copy()}>
          Copy the key
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => onNextStep({ publicKey: credential.publicKey, signCount: credential.signCount })}
        >
          Inspect a sign-in with this key
        </Button>
      </div>
      <p role="status" className="text-sm text-slate-700">
        {copied}
      </p>
    </section>
  );
}
