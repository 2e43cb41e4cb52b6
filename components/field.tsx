// A labelled text input with an optional hint tied to it by aria-describedby.
import type { ComponentProps, ReactNode } from "react";

export function Field({
  label,
  hint,
  id,
  "aria-describedby": describedBy,
  ...props
}: ComponentProps<"input"> & { label: string; hint?: ReactNode; id: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        {...props}
        aria-describedby={[hint && `${id}-hint`, describedBy].filter(Boolean).join(" ") || undefined}
        className="rounded-md border border-slate-300 px-3 py-2 text-slate-900 shadow-sm placeholder:text-slate-400"
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}
