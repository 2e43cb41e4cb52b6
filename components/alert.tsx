// A message region that screen readers announce; errors assertively, the rest politely.
import type { ReactNode } from "react";

const alertStyles = {
  error: "border-red-200 bg-red-50 text-red-800",
  success: "border-green-200 bg-green-50 text-green-800",
  info: "border-brand-100 bg-brand-50 text-slate-800",
} as const;

/** A message region that screen readers announce when its text changes. */
export function Alert({ tone, children, detail }: { tone: keyof typeof alertStyles; children?: ReactNode; detail?: string }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} aria-live={tone === "error" ? "assertive" : "polite"}>
      {children && (
        <div className={`rounded-md border px-3 py-2 text-sm ${alertStyles[tone]}`}>
          <p>{children}</p>
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
