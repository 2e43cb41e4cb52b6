// One stored run. Open to anyone holding its link: the id is 128 random bits (lib/conformance/runs/run-store.ts), and the
// page is kept out of search engines and sends no Referer, so the link does not travel by itself.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { LocalTime } from "@/components/local-time";
import { Badge, Card } from "@/components/ui";
import { findRun } from "@/lib/conformance/runs/run-store";
import { CaseResults } from "../case-results";
import { outcomeCounts } from "../outcome-counts";
import { RunDownloads } from "../run-downloads";
import { formatDuration, runStatusBadge } from "../run-list";

export const metadata: Metadata = {
  title: "Conformance run",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function ConformanceRunPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const run = await findRun((await params).id);
  if (!run) notFound();
  const [tone, label] = runStatusBadge[run.status];
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/conformance" className="text-sm text-brand-700 underline">
          ← Conformance
        </Link>
        <h1 className="text-2xl font-bold">Conformance run</h1>
        <p className="font-mono text-sm break-all text-slate-700">{run.target}</p>
      </div>
      <Card title="Summary">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">Status</dt>
          <dd>
            <Badge tone={tone}>{label}</Badge>
            {run.stopReason && <span className="ml-2 text-slate-700">{run.stopReason}</span>}
          </dd>
          <dt className="font-medium">Started</dt>
          <dd>
            <LocalTime date={run.startedAt} />
          </dd>
          <dt className="font-medium">Duration</dt>
          <dd>{formatDuration(run.startedAt, run.finishedAt)}</dd>
          <dt className="font-medium">Cases</dt>
          <dd data-testid="run-summary">
            {run.summary.total} cases · {outcomeCounts(run.summary)}
          </dd>
          {run.crashedAfter && (
            <>
              <dt className="font-medium">Target down</dt>
              <dd data-testid="run-crashed-after">
                It stopped answering after {run.crashedAfter}; the cases after it were not run.
              </dd>
            </>
          )}
        </dl>
        {run.status !== "running" && <RunDownloads runId={run.id} />}
      </Card>
      <Card title="Results">
        {run.cases.length > 0 ? (
          <div className="flex flex-col gap-4">
            <CaseResults results={run.cases} />
          </div>
        ) : (
          <p className="text-sm text-slate-700">
            {run.status === "running" ? "Still running: reload in a moment." : "No case results were saved."}
          </p>
        )}
      </Card>
    </div>
  );
}
