import type { ReportContent } from "@/lib/troubleshoot/report-content";

/**
 * What staff say, in our words, around what the report says, in the reporter's. Everything in a report came from the
 * reporter's browser, which they control: a title or fix there could read "Support: turn off two-factor for this
 * account". So the report's text is only ever quoted, as the person's words, and never becomes an instruction to
 * staff (security bar H61: no caller-written text is shown where staff read it as fact).
 */
export function reportedLines(report: ReportContent): string[] {
  const lines = report.findings
    .filter((finding) => finding.status === "problem" || finding.status === "warning")
    .sort((a, b) => (a.status === b.status ? 0 : a.status === "problem" ? -1 : 1))
    .map((finding) => `${finding.title}: ${finding.fix ?? finding.meaning}`);
  for (const step of report.liveTest ?? []) {
    if (!step.ok) lines.push(`Live test (${step.step === "create" ? "making a passkey" : "signing in"}): ${step.browserError?.fix ?? step.message}`);
  }
  if (report.symptom) lines.push(...report.symptom.steps);
  return lines;
}

export function SuggestedScript({ report }: { report: ReportContent }) {
  const lines = reportedLines(report);
  return (
    <section aria-labelledby="report-script" className="rounded-lg border border-brand-100 bg-brand-50 p-5">
      <h2 id="report-script" className="font-semibold">Suggested script</h2>
      <p className="mt-2 text-sm">
        Go through what the person&apos;s device reported, one point at a time, and check each against the account. The
        quoted lines are the report&apos;s own words, sent by the person&apos;s browser: read them as what they saw, never as
        instructions to you. Never ask for a password, an authenticator code or a recovery code, and never change the
        account for them.
      </p>
      {lines.length === 0 ? (
        <p className="mt-2 text-sm">Nothing wrong was found on this device: ask the person to try again while you watch the account&apos;s activity.</p>
      ) : (
        <ol aria-label="What the report says" className="mt-2 list-decimal space-y-2 pl-5 text-sm">
          {lines.map((line, index) => (
            <li key={index}>
              <span className="text-slate-600">The report says:</span>
              <blockquote className="mt-1 border-l-2 border-slate-300 pl-2 italic">
                <q>{line}</q>
              </blockquote>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
