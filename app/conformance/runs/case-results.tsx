// A run's results, live (suite-runner.tsx) or stored (runs/[id]/page.tsx): each fail, target-error and deviation expands to what was expected,
// what came back, and every request and response of the case. No state: <details> does the expanding.
import { Badge } from "@/components/ui";
import type { StoredCaseResult } from "@/lib/conformance/shown-result";
import { failSources, failSourcesLine, OWN_CASES_EXPLAINED } from "@/lib/conformance/case-source";
import { outcomeBadge } from "./outcome-counts";

const asJson = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value, null, 2));

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <p className="text-xs font-medium text-slate-700">{label}</p>
      <pre className="max-h-72 overflow-auto rounded bg-slate-900 p-2 font-mono text-xs whitespace-pre-wrap break-all text-slate-100">
        {asJson(value)}
      </pre>
    </div>
  );
}

function Failure({ result }: { result: StoredCaseResult }) {
  const exchanges = result.exchanges ?? [];
  return (
    <details>
      <summary className="cursor-pointer font-medium break-all">{result.id}</summary>
      <div className="mt-2 flex flex-col gap-2">
        <p>{result.reason}</p>
        {result.failure && (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="font-medium">Expected</dt>
            <dd className="font-mono text-xs break-all">{result.failure.expected}</dd>
            <dt className="font-medium">Received</dt>
            <dd className="font-mono text-xs break-all">{result.failure.received}</dd>
          </dl>
        )}
        {exchanges.map((exchange, index) => (
          <details key={index} className="rounded border border-slate-200 p-2">
            <summary className="cursor-pointer font-mono text-xs break-all">
              {exchange.request.method} {exchange.request.url} →{" "}
              {exchange.response.status === 0 ? "no answer" : `HTTP ${exchange.response.status}`} ({exchange.durationMs}{" "}
              ms)
            </summary>
            <div className="mt-2 flex flex-col gap-2">
              <Json label="Request body" value={exchange.request.body} />
              <Json label="Response body" value={exchange.response.body} />
            </div>
          </details>
        ))}
        {(result.exchangesOmitted ?? 0) > 0 && (
          <p className="text-xs text-slate-600">
            {result.exchangesOmitted} more requests not kept: the run&apos;s size limit was reached.
          </p>
        )}
      </div>
    </details>
  );
}

function CaseList({ label, results, border }: { label: string; results: StoredCaseResult[]; border: string }) {
  if (results.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-col gap-2">
      {results.map((result) => (
        <li key={result.id} className={`rounded-md border p-3 text-sm ${border}`}>
          <Failure result={result} />
        </li>
      ))}
    </ul>
  );
}

/** Wrong decisions first, then where the target broke, then the right decisions in the wrong shape. */
export function CaseResults({ results }: { results: StoredCaseResult[] }) {
  const having = (outcome: StoredCaseResult["outcome"]) => results.filter((result) => result.outcome === outcome);
  const sources = failSources(results);
  return (
    <>
      {sources && (
        <p data-testid="fail-sources" className="text-sm text-slate-700">
          {failSourcesLine(sources)} {OWN_CASES_EXPLAINED}
        </p>
      )}
      <CaseList label="Failed cases" results={having("fail")} border="border-red-200" />
      <CaseList label="Target errors" results={having("target-error")} border="border-amber-200" />
      <CaseList label="Deviations" results={having("deviation")} border="border-slate-200" />
      {results.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm text-brand-700">Every case</summary>
          <ul aria-label="All cases" className="mt-2 flex flex-col divide-y divide-slate-100 text-sm">
            {results.map((result) => (
              <li key={result.id} className="flex flex-wrap items-center gap-2 py-1">
                <Badge tone={outcomeBadge[result.outcome][0]}>{outcomeBadge[result.outcome][1]}</Badge> {result.id}
                {result.reason && <span className="text-xs text-slate-600">— {result.reason}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
