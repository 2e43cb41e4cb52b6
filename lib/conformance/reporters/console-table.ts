// The report as a terminal reads it: a row per case, a row per family, then each failure with expected vs received
// and the last exchange.
import type { CaseResult, SuiteReport } from "../types";

const LABEL: Record<CaseResult["status"], string> = { passed: "pass", failed: "FAIL", skipped: "skip" };
const NOTE_WIDTH = 100;

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join("  ").trimEnd());
}

export function formatConsoleTable(report: SuiteReport): string {
  const caseRows = report.cases.map((result) => [
    LABEL[result.status],
    result.id,
    `${result.durationMs}`.padStart(5),
    clip(result.status === "skipped" ? (result.reason ?? "") : result.status === "failed" ? (result.failure?.message ?? "") : "", NOTE_WIDTH),
  ]);
  const families = [...new Set(report.cases.map((result) => result.family))];
  const familyRows = families.map((family) => {
    const cases = report.cases.filter((result) => result.family === family);
    const count = (status: CaseResult["status"]) => `${cases.filter((result) => result.status === status).length}`;
    return [family, count("passed"), count("failed"), count("skipped")];
  });
  const failures = report.cases
    .filter((result) => result.status === "failed")
    .flatMap((result) => {
      const last = result.exchanges?.at(-1);
      return [
        "",
        `FAIL ${result.id} — ${result.title}`,
        `  ${result.failure?.message}`,
        `  expected: ${result.failure?.expected}`,
        `  received: ${result.failure?.received}`,
        ...(last ? [`  last request: POST ${last.request.url} ${clip(JSON.stringify(last.request.body), 400)}`] : []),
      ];
    });
  const { total, passed, failed, skipped } = report.summary;
  return [
    ...table([["", "case", "   ms", "note"], ...caseRows]),
    "",
    ...table([["family", "passed", "failed", "skipped"], ...familyRows]),
    ...failures,
    "",
    `${report.target} (origin ${report.origin}): ${total} cases, ${passed} passed, ${failed} failed, ${skipped} skipped in ${(report.durationMs / 1000).toFixed(1)} s`,
  ].join("\n");
}
