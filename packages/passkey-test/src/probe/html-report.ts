// The probe run as one self-contained HTML file a CI job keeps as an artifact: the counts, every probe with its
// outcome, and for each failing probe what was expected, what happened and a screenshot of the page it left.
import type { CaseResult, SuiteReport } from "@/lib/conformance/types";
import { summaryLine } from "@/lib/conformance/reporters/console-table";

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char,
  );

const COLOURS: Record<CaseResult["outcome"], string> = {
  pass: "#166534",
  fail: "#b91c1c",
  "target-error": "#b45309",
  deviation: "#475569",
  "not-run": "#475569",
  inconclusive: "#475569",
  skip: "#475569",
};

function row(result: CaseResult, screenshot: Buffer | undefined): string {
  const detail = result.failure
    ? `<dl><dt>Expected</dt><dd>${escape(result.failure.expected)}</dd><dt>Happened</dt><dd>${escape(result.failure.received)}</dd></dl>`
    : "";
  const image = screenshot
    ? `<img alt="The page after ${escape(result.id)}" src="data:image/png;base64,${screenshot.toString("base64")}">`
    : "";
  return `<tr><td><strong style="color:${COLOURS[result.outcome]}">${result.outcome}</strong></td><td><code>${escape(result.id)}</code><br>${escape(result.title)}${
    result.reason ? `<p>${escape(result.reason)}</p>` : ""
  }${detail}${image}</td><td>${(result.durationMs / 1000).toFixed(1)} s</td></tr>`;
}

export function toHtmlReport(report: SuiteReport, screenshots: Map<string, Buffer>): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Passkey Lab probes: ${escape(report.target)}</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:2rem;color:#0f172a}table{border-collapse:collapse;width:100%}td{border-top:1px solid #e2e8f0;padding:.5rem;vertical-align:top}img{max-width:640px;border:1px solid #cbd5e1;display:block;margin-top:.5rem}dt{font-weight:600}dd{margin:0 0 .25rem;font-family:monospace}</style>
</head><body>
<h1>Passkey Lab probes</h1>
<p>${escape(summaryLine(report))}</p>
<table><tbody>
${report.cases.map((result) => row(result, screenshots.get(result.id))).join("\n")}
</tbody></table>
</body></html>
`;
}
