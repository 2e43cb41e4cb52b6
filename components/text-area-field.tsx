// A labelled multi-line input with an optional hint tied to it by aria-describedby (Field's twin for textareas).
import type { ComponentProps, ReactNode } from "react";

export function TextAreaField({
  label,
  hint,
  id,
  monospace,
  className,
  ...props
}: ComponentProps<"textarea"> & { label: ReactNode; hint?: ReactNode; id: string; monospace?: boolean }) {
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        {...props}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={`rounded-md border border-slate-300 px-3 py-2 text-slate-900 shadow-sm ${monospace ? "font-mono text-xs" : ""}`}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}
