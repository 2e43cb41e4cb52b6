// The recent runs of this browser, newest first (lib/conformance/runs/run-store.ts decides who sees which).
import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { Badge } from "@/components/ui";
import type { RunSummaryRow } from "@/lib/conformance/runs/run-store";
import { outcomeCounts } from "./outcome-counts";

export const runStatusBadge = {
  running: ["neutral", "Running"],
  finished: ["good", "Finished"],
  stopped: ["warn", "Stopped"],
} as const;

export function formatDuration(startedAt: Date, finishedAt: Date | null): string {
  if (!finishedAt) return "—";
  const seconds = (finishedAt.getTime() - startedAt.getTime()) / 1000;
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export function RunList({ runs }: { runs: RunSummaryRow[] }) {
  if (runs.length === 0)
    return <p className="text-sm text-slate-700">No runs from this browser yet. Runs are kept 30 days.</p>;
  return (
    // Five columns do not fit a phone: the table keeps readable columns and scrolls inside this focusable region.
    <div tabIndex={0} role="region" aria-label="Recent runs, scrollable" className="overflow-x-auto">
      <table aria-label="Recent runs" className="w-full min-w-xl text-left text-sm">
        <thead className="text-xs text-slate-600">
          <tr>
            <th className="py-1 pr-3 font-medium">When</th>
            <th className="py-1 pr-3 font-medium">Target</th>
            <th className="py-1 pr-3 font-medium">Status</th>
            <th className="py-1 pr-3 font-medium">Cases</th>
            <th className="py-1 font-medium">Duration</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => (
            <tr key={run.id}>
              <td className="py-1 pr-3 whitespace-nowrap">
                <Link href={`/conformance/runs/${run.id}`} className="text-brand-700 underline">
                  <LocalTime date={run.startedAt} />
                </Link>
              </td>
              <td className="py-1 pr-3 font-mono text-xs break-all">{run.target}</td>
              <td className="py-1 pr-3" title={run.stopReason ?? undefined}>
                <Badge tone={runStatusBadge[run.status][0]}>{runStatusBadge[run.status][1]}</Badge>
              </td>
              <td className="py-1 pr-3">{outcomeCounts(run.summary)}</td>
              <td className="py-1 whitespace-nowrap">{formatDuration(run.startedAt, run.finishedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
