import type { ReactNode } from "react";
import { liveTestStepTitles } from "@/lib/troubleshoot/live-test-steps";
import type { ReportContent } from "@/lib/troubleshoot/report-content";
import { LikelyCauses } from "./likely-causes";
import { MismatchTable } from "./mismatch-table";
import { StatusBadge } from "./status-badge";

/** `forStaff`: with the contact email; `staffScript`: the console's suggested script, built on the server. */
export function ReportView({
  report,
  forStaff = false,
  staffScript,
}: {
  report: ReportContent;
  forStaff?: boolean;
  staffScript?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="report-device" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="report-device" className="font-semibold">
          Device
        </h2>
        <p className="text-sm text-slate-700">
          {report.platform.browser} on {report.platform.os}
          {report.platform.inAppBrowser && ` — inside ${report.platform.inAppBrowser}`}
          {forStaff && report.contactEmail && ` · contact: ${report.contactEmail}`}
        </p>
      </section>
      {forStaff && staffScript}
      {report.symptom && (
        <section aria-labelledby="report-symptom" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="report-symptom" className="font-semibold">
            Problem described: {report.symptom.title}
          </h2>
          <dl className="mt-2 text-sm">
            {report.symptom.answers.map((answer) => (
              <div key={answer.question} className="flex gap-2">
                <dt className="text-slate-600">{answer.question}</dt>
                <dd className="font-medium">{answer.answer}</dd>
              </div>
            ))}
          </dl>
          <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
            {report.symptom.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </section>
      )}
      {report.liveTest && report.liveTest.length > 0 && (
        <section
          aria-labelledby="report-live"
          className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5"
        >
          <h2 id="report-live" className="font-semibold">
            Live test
          </h2>
          {report.liveTest.map((step, index) => (
            <div key={index} className="flex flex-col gap-2">
              <p className="text-sm">
                <StatusBadge status={step.ok ? "ok" : "problem"} /> {liveTestStepTitles[step.step]}: {step.message}
              </p>
              {step.browserError && (
                <p className="text-sm text-slate-700">
                  Browser said <code>{step.browserError.name}</code>: {step.browserError.cause} <strong>Fix:</strong>{" "}
                  {step.browserError.fix}
                </p>
              )}
              {forStaff && step.detail && <p className="text-xs text-slate-600">Verifier: {step.detail}</p>}
              <MismatchTable checks={step.checks} />
            </div>
          ))}
        </section>
      )}
      <section aria-labelledby="report-checks" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="report-checks" className="font-semibold">
          Automatic checks
        </h2>
        <ul className="mt-2 flex flex-col divide-y divide-slate-100">
          {report.findings.map((finding) => (
            <li key={finding.id} className="flex flex-col gap-1 py-2 text-sm">
              <span>
                <StatusBadge status={finding.status} /> <span className="font-medium">{finding.title}</span>
              </span>
              <span className="text-slate-700">{finding.meaning}</span>
              {finding.fix && finding.status !== "ok" && finding.status !== "unused" && <span>Fix: {finding.fix}</span>}
              {finding.causes && <LikelyCauses causes={finding.causes} />}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
