import type { ReactNode } from "react";
import { fillIn } from "@/lib/i18n/fill-in";
import type { DescribedReport } from "@/lib/troubleshoot/describe-report";
import { LikelyCauses } from "./likely-causes";
import { MismatchTable } from "./mismatch-table";
import { StatusBadge } from "./status-badge";

/**
 * A report in words (lib/troubleshoot/describe-report.ts: in the reader's language). `forStaff`: with the contact
 * email and the language the person used; `staffScript`: the console's suggested script, built on the server.
 */
export function ReportView({
  report: { report, text },
  forStaff = false,
  staffScript,
}: {
  report: DescribedReport;
  forStaff?: boolean;
  staffScript?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="report-device" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="report-device" className="font-semibold">
          {text.device}
        </h2>
        <p className="text-sm text-slate-700">{text.deviceLine}</p>
        {forStaff && text.contact && <p className="text-sm text-slate-700">{text.contact}</p>}
        {forStaff && text.language && <p className="text-sm text-slate-700">{text.language}</p>}
      </section>
      {forStaff && staffScript}
      {report.symptom && (
        <section aria-labelledby="report-symptom" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="report-symptom" className="font-semibold">
            {text.problem}
          </h2>
          <dl className="mt-2 text-sm">
            {report.symptom.answers.map((answer) => (
              <div key={answer.question} className="flex gap-2">
                <dt className="text-slate-600">{answer.question}</dt>
                <dd className="font-medium">{answer.answer}</dd>
              </div>
            ))}
          </dl>
          <ol className="mt-2 list-decimal space-y-1 ps-5 text-sm">
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
            {text.liveTest}
          </h2>
          {report.liveTest.map((step, index) => (
            <div key={index} className="flex flex-col gap-2">
              <p className="text-sm">
                <StatusBadge status={step.ok ? "ok" : "problem"} /> {text.stepTitles[step.step]}: {step.message}
              </p>
              {step.browserError && (
                <p className="text-sm text-slate-700">
                  {fillIn(text.browserSaid, {
                    name: <code key="name">{step.browserError.name}</code>,
                    cause: step.browserError.cause,
                  })}{" "}
                  {fillIn(text.fix, { fix: step.browserError.fix })}
                </p>
              )}
              {forStaff && step.detail && (
                <p className="text-xs text-slate-600">{fillIn(text.verifier, { detail: step.detail })}</p>
              )}
              <MismatchTable checks={step.checks} text={text.table} />
            </div>
          ))}
        </section>
      )}
      <section aria-labelledby="report-checks" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="report-checks" className="font-semibold">
          {text.checks}
        </h2>
        <ul className="mt-2 flex flex-col divide-y divide-slate-100">
          {report.findings.map((finding) => (
            <li key={finding.id} className="flex flex-col gap-1 py-2 text-sm">
              <span>
                <StatusBadge status={finding.status} /> <span className="font-medium">{finding.title}</span>
              </span>
              <span className="text-slate-700">{finding.meaning}</span>
              {finding.fix && finding.status !== "ok" && finding.status !== "unused" && (
                <span>{fillIn(text.fix, { fix: finding.fix })}</span>
              )}
              {finding.causes && <LikelyCauses causes={finding.causes} />}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
