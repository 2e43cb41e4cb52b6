// A message region that screen readers announce; errors assertively, the rest politely.
import type { ReactNode } from "react";

const alertStyles = {
  error: "border-red-200 bg-red-50 text-red-800",
  success: "border-green-200 bg-green-50 text-green-800",
  info: "border-brand-100 bg-brand-50 text-slate-800",
} as const;

type Props = {
  tone: keyof typeof alertStyles;
  children?: ReactNode;
  detail?: string;
  /** Possible causes, one per line, the likely one first. */
  causes?: string[];
  /** What to do, one step per line. */
  fixes?: string[];
};

/** A message region that screen readers announce when its text changes. */
export function Alert({ tone, children, detail, causes, fixes }: Props) {
  return (
    <div role={tone === "error" ? "alert" : "status"} aria-live={tone === "error" ? "assertive" : "polite"}>
      {children && (
        <div className={`rounded-md border px-3 py-2 text-sm ${alertStyles[tone]}`}>
          <p>{children}</p>
          {causes && causes.length > 0 && (
            <>
              <p className="mt-2 font-medium">Most likely: {causes[0]}</p>
              {causes.length > 1 && (
                <>
                  <p className="mt-1">Other possible causes:</p>
                  <ul aria-label="Other possible causes" className="list-disc pl-5">
                    {causes.slice(1).map((cause) => (
                      <li key={cause}>{cause}</li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
          {fixes && fixes.length > 0 && (
            <>
              <p className="mt-2 font-medium">What to do:</p>
              <ul aria-label="What to do" className="list-disc pl-5">
                {fixes.map((fix) => (
                  <li key={fix}>{fix}</li>
                ))}
              </ul>
            </>
          )}
          {detail && (
            <details className="mt-1 text-xs opacity-80">
              <summary className="cursor-pointer">Technical detail</summary>
              <code className="break-all">{detail}</code>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
