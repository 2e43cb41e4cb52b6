"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, Button, Field } from "@/components/ui";
import type { StoredCaseResult } from "@/lib/conformance/shown-result";
import { summarize } from "@/lib/conformance/summarize";
import type { RunLine } from "@/lib/conformance/runs/web-run";
import { CaseResults } from "./runs/case-results";
import { outcomeCounts } from "./runs/outcome-counts";
import { RunDownloads } from "./runs/run-downloads";

type Refusal = { code?: string; message?: string; detail?: string };

/** Runs the suite on the server and shows each case as its line arrives; the run is saved there too. */
export function SuiteRunner({ defaultTarget, allowsOthers }: { defaultTarget: string; allowsOthers: string }) {
  const router = useRouter();
  const [target, setTarget] = useState(defaultTarget);
  const [total, setTotal] = useState(0);
  const [runId, setRunId] = useState<string | null>(null);
  const [results, setResults] = useState<StoredCaseResult[]>([]);
  const [finished, setFinished] = useState<{ durationMs: number; stopReason?: string } | null>(null);
  const [error, setError] = useState<Refusal | null>(null);
  const [running, setRunning] = useState(false);

  async function run() {
    setRunning(true);
    setTotal(0);
    setRunId(null);
    setResults([]);
    setFinished(null);
    setError(null);
    try {
      const response = await fetch("/api/conformance/run", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ target }),
      });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as Refusal | null;
        return setError(body?.message ? body : { message: `The run could not start (HTTP ${response.status}).` });
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const text of lines.filter(Boolean)) {
          const line = JSON.parse(text) as RunLine;
          if (line.type === "start") {
            setTotal(line.total);
            setRunId(line.runId);
          } else if (line.type === "case") setResults((previous) => [...previous, line.result]);
          else if (line.type === "done") setFinished({ durationMs: line.durationMs, stopReason: line.stopReason });
          else setError({ code: line.code, message: line.message });
        }
      }
    } catch {
      setError({
        message:
          "The connection to the server was lost during the run. The run goes on there: find it under Your recent runs.",
      });
    } finally {
      setRunning(false);
      // The list of recent runs on this page is rendered by the server.
      router.refresh();
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {/* noValidate: the server checks the address and says exactly what is wrong with it. */}
      <form
        method="post"
        noValidate
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Field
          id="conformance-target"
          label="Target (the API's base URL)"
          name="target"
          type="url"
          required
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          hint={`Default: this server. ${allowsOthers} A run takes about half a minute; a few runs per client every 10 minutes.`}
          spellCheck={false}
          autoComplete="url"
        />
        <Button type="submit" busy={running} className="self-start">
          {results.length > 0 ? "Run again" : "Run the suite"}
        </Button>
      </form>
      {total > 0 && (
        <div className="flex flex-col gap-2">
          {/* The count, not a percentage, is what a screen reader says (aria-valuetext), and what the text below shows. */}
          {/* Drawn, not a <progress>: the browser's own bar is its default blue or green whatever the page says; this
              one is in the site's brand colours (app/globals.css). */}
          <div
            role="progressbar"
            aria-label="Cases run"
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={results.length}
            aria-valuetext={`${results.length} of ${total} cases`}
            className="h-2 w-full overflow-hidden rounded-full bg-brand-100"
          >
            <div
              data-testid="progress-fill"
              className="h-full rounded-full bg-brand-600 transition-[width]"
              style={{ width: `${(100 * results.length) / total}%` }}
            />
          </div>
          {/* aria-busy: announced once the run is over, not once per case; the bar above says how far it is meanwhile. */}
          <p role="status" aria-busy={running} className="text-sm" data-testid="suite-summary">
            {results.length} of {total} cases · {outcomeCounts(summarize(results))}
            {finished && ` · finished in ${(finished.durationMs / 1000).toFixed(1)} s`}
          </p>
          {finished?.stopReason && <p className="text-sm text-amber-900">Stopped early: {finished.stopReason}</p>}
          {runId && (
            <p className="text-sm">
              Saved as{" "}
              <Link href={`/conformance/runs/${runId}`} className="text-brand-700 underline">
                this run&apos;s page
              </Link>{" "}
              (anyone with the link can open it).
            </p>
          )}
          {runId && finished && <RunDownloads runId={runId} />}
        </div>
      )}
      <Alert tone="error" detail={error?.detail}>
        {error && (
          <>
            {error.message}
            {error.code && <span className="ml-1 font-mono text-xs">({error.code})</span>}
          </>
        )}
      </Alert>
      <CaseResults results={results} />
    </div>
  );
}
