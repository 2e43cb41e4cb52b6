import type { SuggestedScriptText, SupportScript } from "@/lib/support/support-script";

const parts = ["ask", "check", "tell"] as const;

/**
 * For staff on a call: ask, check, tell, in order, in our words only (lib/support/support-script.ts says why). The
 * server builds the lines and the headings in the staff member's language; this only lays them out.
 */
export function SuggestedScript({ script, text }: { script: SupportScript; text: SuggestedScriptText }) {
  return (
    <section aria-labelledby="report-script" className="rounded-lg border border-brand-100 bg-brand-50 p-5">
      <h2 id="report-script" className="font-semibold">
        {text.title}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{text.intro}</p>
      {parts.map((key) => (
        <div key={key} className="mt-3">
          <h3 id={`script-${key}`} className="text-sm font-semibold">
            {text[key]}
          </h3>
          <ol aria-labelledby={`script-${key}`} className="mt-1 list-decimal space-y-1 ps-5 text-sm">
            {script[key].map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
