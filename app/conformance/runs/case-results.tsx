// A run's results, live (suite-runner.tsx) or stored (runs/[id]/page.tsx): each failure expands to what was expected,
// what came back, and every request and response of the case. No state: <details> does the expanding.
import { Badge } from "@/components/ui";
import type { StoredCaseResult } from "@/lib/conformance/shown-result";

const badge = { passed: ["good", "Passed"], failed: ["warn", "Failed"], skipped: ["neutral", "Skipped"] } as const;

const asJson = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value, null, 2));

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <p className="text-xs font-medium text-slate-700">{label}</p>
      <pre className="max-h-72 overflow-auto rounded bg-slate-900 p-2 font-mono text-xs whitespace-pre-wrap break-all text-slate-100">{asJson(value)}</pre>
    </div>
  );
}

function Failure({ result }: { result: StoredCaseResult }) {
  const exchanges = result.exchanges ?? [];
  return (
    <details>
      <summary className="cursor-pointer font-medium break-all">{result.id}</summary>
      <div className="mt-2 flex flex-col gap-2">
        <p>{result.failure?.message}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="font-medium">Expected</dt>
          <dd className="font-mono text-xs break-all">{result.failure?.expected}</dd>
          <dt className="font-medium">Received</dt>
          <dd className="font-mono text-xs break-all">{result.failure?.received}</dd>
        </dl>
        {exchanges.map((exchange, index) => (
          <details key={index} className="rounded border border-slate-200 p-2">
            <summary className="cursor-pointer font-mono text-xs break-all">
              {exchange.request.method} {exchange.request.url} → {exchange.response.status === 0 ? "no answer" : `HTTP ${exchange.response.status}`} ({exchange.durationMs} ms)
            </summary>
            <div className="mt-2 flex flex-col gap-2">
              <Json label="Request body" value={exchange.request.body} />
              <Json label="Response body" value={exchange.response.body} />
            </div>
          </details>
        ))}
        {(result.exchangesOmitted ?? 0) > 0 && <p className="text-xs text-slate-600">{result.exchangesOmitted} more requests not kept: the run&apos;s size limit was reached.</p>}
      </div>
    </details>
  );
}

export function CaseResults({ results }: { results: StoredCaseResult[] }) {
  const failed = results.filter((result) => result.status === "failed");
  return (
    <>
      {failed.length > 0 && (
        <ul aria-label="Failed cases" className="flex flex-col gap-2">
          {failed.map((result) => (
            <li key={result.id} className="rounded-md border border-red-200 p-3 text-sm">
              <Failure result={result} />
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
    </>
  );
}
