const styles = {
  ok: "bg-green-100 text-green-800",
  warning: "bg-amber-100 text-amber-900",
  problem: "bg-red-100 text-red-800",
  unknown: "bg-slate-100 text-slate-700",
  unused: "bg-white text-slate-600 ring-1 ring-slate-300",
} as const;

export type CheckStatus = keyof typeof styles;

/** The words of each status, from the page's language (checkResultsText); English where a page passes none yet. */
export type StatusWords = Record<CheckStatus, string>;

const ENGLISH: StatusWords = {
  ok: "OK",
  warning: "Warning",
  problem: "Problem",
  unknown: "Unknown",
  unused: "Not used here",
};

/** Status in words and colour, never colour alone. */
export function StatusBadge({ status, words = ENGLISH }: { status: CheckStatus; words?: StatusWords }) {
  return (
    <span
      className={`inline-block min-w-20 rounded-full px-2 py-0.5 text-center text-xs font-semibold ${styles[status]}`}
    >
      {words[status]}
    </span>
  );
}
