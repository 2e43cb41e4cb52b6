"use client";

import { Badge, Button } from "@/components/ui";
import { STATUS_LABELS, type StepResult, type StepStatus } from "@/lib/report-card/card";
import { summariseStepOptions, type Step } from "@/lib/report-card/steps";

const tones: Record<StepStatus, "good" | "warn" | "neutral"> = {
  supported: "good",
  "not-supported": "warn",
  error: "warn",
  "not-observable": "neutral",
};

type Props = {
  step: Step;
  result: StepResult | undefined;
  running: boolean;
  /** Another step is running, or this one cannot run yet. */
  disabled: boolean;
  /** Why it cannot run yet, shown next to the button. */
  blockedBecause?: string;
  onRun: () => void;
};

/** One step: what it will ask, one button, then the result. */
export function StepPanel({ step, result, running, disabled, blockedBecause, onRun }: Props) {
  const headingId = `step-${step.id}`;
  const blockedId = `${headingId}-blocked`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-md border border-slate-200 p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="font-semibold text-slate-900">
          {step.title}
        </h3>
        {result && (
          <span data-testid="step-status">
            <Badge tone={tones[result.status]}>{STATUS_LABELS[result.status]}</Badge>
          </span>
        )}
      </div>
      <p className="text-sm text-slate-700">{step.asks}</p>
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer">Options sent</summary>
        <ul className="mt-1 font-mono">
          {summariseStepOptions(step).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
      <div className="flex flex-wrap items-center gap-3">
        {/* The name a screen reader says reads on from the visible words ("Run again “Attestation none”"), so it starts
            with what is seen (WCAG 2.5.3, label in name) and names the step without stray punctuation. */}
        <Button
          type="button"
          variant="secondary"
          onClick={onRun}
          busy={running}
          disabled={disabled}
          aria-describedby={blockedBecause ? blockedId : undefined}
        >
          {result ? "Run again" : "Run"}
          <span className="sr-only"> “{step.title}”</span>
        </Button>
        {blockedBecause && (
          <p id={blockedId} className="text-xs text-slate-600">
            {blockedBecause}
          </p>
        )}
      </div>
      <div role="status" aria-live="polite" className="flex flex-col gap-2">
        {running && <p className="text-sm text-slate-700">Waiting for your browser and authenticator…</p>}
        {!running && result && (
          <>
            <p className="text-sm font-medium text-slate-900" data-testid="step-headline">
              {result.headline}
            </p>
            {result.rows.length > 0 && (
              <table className="w-full text-left text-sm">
                <caption className="sr-only">What “{step.title}” returned</caption>
                <tbody>
                  {result.rows.map((row) => (
                    <tr key={row.label} className="border-t border-slate-100 align-top">
                      <th scope="row" className="w-52 py-1 pr-3 font-medium text-slate-700">
                        {row.label}
                      </th>
                      <td className="py-1 text-slate-900">
                        {row.value}
                        {row.note && <span className="block text-xs text-slate-600">{row.note}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {result.detail && <p className="break-all text-xs text-slate-600">Technical detail: {result.detail}</p>}
          </>
        )}
      </div>
    </section>
  );
}
