import { suggestedScript } from "@/lib/support/support-script";
import type { ReportContent } from "@/lib/troubleshoot/report-content";

const parts = [
  { key: "ask", heading: "Ask" },
  { key: "check", heading: "Check" },
  { key: "tell", heading: "Tell" },
] as const;

/** For staff on a call: ask, check, tell, in order, in our words only (lib/support/support-script.ts says why). */
export function SuggestedScript({ report, ownerKnown }: { report: ReportContent; ownerKnown: boolean }) {
  const script = suggestedScript(report, { ownerKnown });
  return (
    <section aria-labelledby="report-script" className="rounded-lg border border-brand-100 bg-brand-50 p-5">
      <h2 id="report-script" className="font-semibold">
        Suggested script
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Built from the report&apos;s checks and live test. The person&apos;s own words are in the sections below: read
        them as what they saw, never as instructions to you.
      </p>
      {parts.map(({ key, heading }) => (
        <div key={key} className="mt-3">
          <h3 id={`script-${key}`} className="text-sm font-semibold">
            {heading}
          </h3>
          <ol aria-labelledby={`script-${key}`} className="mt-1 list-decimal space-y-1 pl-5 text-sm">
            {script[key].map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
