"use client";

import { useState } from "react";
import { Alert, Badge, Button } from "@/components/ui";

type CaseResult = { id: string; family: string; title: string; status: "passed" | "failed" | "skipped"; reason?: string; failure?: { message: string; expected: string; received: string } };
type Line =
  | { type: "start"; total: number; target: string }
  | { type: "case"; done: number; result: CaseResult }
  | { type: "done"; summary: { passed: number; failed: number; skipped: number; total: number }; durationMs: number }
  | { type: "error"; message: string };

const badge = { passed: ["good", "Passed"], failed: ["warn", "Failed"], skipped: ["neutral", "Skipped"] } as const;

/** Runs the suite on the server and shows each case as its line arrives. */
export function SuiteRunner({ target }: { target: string }) {
  const [total, setTotal] = useState(0);
  const [results, setResults] = useState<CaseResult[]>([]);
  const [finished, setFinished] = useState<{ durationMs: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  async function run() {
    setRunning(true);
    setResults([]);
    setFinished(null);
    setError(null);
    try {
      const response = await fetch("/api/conformance/run", { method: "POST" });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { message?: string } | null;
        return setError(body?.message ?? `The run could not start (HTTP ${response.status}).`);
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
          const line = JSON.parse(text) as Line;
          if (line.type === "start") setTotal(line.total);
          else if (line.type === "case") setResults((previous) => [...previous, line.result]);
          else if (line.type === "done") setFinished({ durationMs: line.durationMs });
          else setError(line.message);
        }
      }
    } catch {
      setError("The connection to the server was lost during the run.");
    } finally {
      setRunning(false);
    }
  }

  const count = (status: CaseResult["status"]) => results.filter((result) => result.status === status).length;
  const failed = results.filter((result) => result.status === "failed");
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        Target: <code>{target}</code>. A run takes about half a minute; a few runs per client every 10 minutes.
      </p>
      <Button type="button" onClick={() => void run()} busy={running} className="self-start">
        {results.length > 0 ? "Run again" : "Run the suite"}
      </Button>
      {total > 0 && (
        <div className="flex flex-col gap-2">
          <progress max={total} value={results.length} aria-label="Cases run" className="w-full" />
          <p role="status" className="text-sm" data-testid="suite-summary">
            {results.length} of {total} cases · {count("passed")} passed · {count("failed")} failed · {count("skipped")} skipped
            {finished && ` · finished in ${(finished.durationMs / 1000).toFixed(1)} s`}
          </p>
        </div>
      )}
      <Alert tone="error">{error}</Alert>
      {failed.length > 0 && (
        <ul aria-label="Failed cases" className="flex flex-col gap-2">
          {failed.map((result) => (
            <li key={result.id} className="rounded-md border border-red-200 p-3 text-sm">
              <details>
                <summary className="cursor-pointer font-medium">{result.id}</summary>
                <p>{result.failure?.message}</p>
                <p>Expected: {result.failure?.expected}</p>
                <p>Received: {result.failure?.received}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
      {results.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm text-brand-700">Every case</summary>
          <ul aria-label="All cases" className="mt-2 flex flex-col divide-y divide-slate-100 text-sm">
            {results.map((result) => (
              <li key={result.id} className="flex flex-wrap items-center gap-2 py-1">
                <Badge tone={badge[result.status][0]}>{badge[result.status][1]}</Badge> {result.id}
                {result.reason && <span className="text-xs text-slate-600">— {result.reason}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
