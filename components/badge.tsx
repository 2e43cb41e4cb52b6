// A small rounded label, for a status next to a name.
import type { ReactNode } from "react";

export function Badge({ tone = "neutral", children }: { tone?: "neutral" | "good" | "warn"; children: ReactNode }) {
  const tones = {
    neutral: "bg-slate-100 text-slate-700",
    good: "bg-green-100 text-green-800",
    warn: "bg-amber-100 text-amber-900",
  };
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}
