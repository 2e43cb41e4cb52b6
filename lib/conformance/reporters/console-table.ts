// The report as a person reads it first: the count of each outcome class and the run's time; then each wrong decision
// with expected vs received; then where the target broke or went down; then the deviations, one line per kind; then
// the hints (what a rerun would fix).
import { failSources, failSourcesLine, OWN_CASES_EXPLAINED } from "../case-source";
import type { CaseResult, SuiteReport } from "../types";

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
const EXAMPLES = 3;

export function summaryLine(report: SuiteReport): string {
  const { total, pass, fail, deviation, targetError, notRun, inconclusive, skip } = report.summary;
  const classes = `pass ${pass} · fail ${fail} · deviation ${deviation} · target-error ${targetError} · not-run ${notRun} · inconclusive ${inconclusive} · skip ${skip}`;
  return `${report.target} (origin ${report.origin}): ${total} cases in ${(report.durationMs / 1000).toFixed(1)} s: ${classes}`;
}

function failLines(result: CaseResult): string[] {
  const last = result.exchanges.at(-1);
  return [
    `FAIL ${result.id} — ${result.title}`,
    `  ${result.failure?.message ?? result.reason}`,
    `  expected: ${result.failure?.expected ?? ""}`,
    `  received: ${result.failure?.received ?? ""}`,
    ...(last ? [`  last request: POST ${last.request.url} ${clip(JSON.stringify(last.request.body), 400)}`] : []),
  ];
}

function brokenLines(report: SuiteReport): string[] {
  const broken = report.cases.filter((result) => result.outcome === "target-error");
  const lines = broken.map(
    (result) => `TARGET ERROR ${result.id} — ${result.reason}: ${clip(result.failure?.received ?? "", 300)}`,
  );
  if (report.crashedAfter) {
    lines.push(
      `The target stopped answering after ${report.crashedAfter}; the ${report.summary.notRun} cases after it were not run.`,
    );
  }
  return lines;
}

/** One line per kind of deviation: how many cases, and the first few as examples. */
export function deviationGroups(cases: CaseResult[]): { kind: string; cases: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const result of cases.filter((result) => result.outcome === "deviation")) {
    for (const kind of new Set((result.deviations ?? []).map((deviation) => deviation.kind)))
      groups.set(kind, [...(groups.get(kind) ?? []), result.id]);
  }
  return [...groups].map(([kind, ids]) => ({ kind, cases: ids })).sort((a, b) => b.cases.length - a.cases.length);
}

function deviationLines(report: SuiteReport): string[] {
  const groups = deviationGroups(report.cases);
  if (groups.length === 0) return [];
  const width = Math.max(...groups.map((group) => `${group.cases.length}`.length));
  return [
    `Deviations (the right decision in the wrong shape), ${report.summary.deviation} cases:`,
    ...groups.map(
      (group) =>
        `  ${`${group.cases.length}`.padStart(width)}  ${group.kind}  e.g. ${group.cases.slice(0, EXAMPLES).join(", ")}`,
    ),
  ];
}

export function formatConsoleTable(report: SuiteReport): string {
  const fails = report.cases.filter((result) => result.outcome === "fail");
  const hints = report.hints.map((hint) => `Hint: ${hint}`);
  const sources = failSources(report.cases);
  const summary = sources
    ? [summaryLine(report), `${failSourcesLine(sources)} ${OWN_CASES_EXPLAINED}`]
    : [summaryLine(report)];
  const sections = [summary, ...fails.map(failLines), brokenLines(report), deviationLines(report), hints].filter(
    (lines) => lines.length > 0,
  );
  return sections.map((lines) => lines.join("\n")).join("\n\n");
}
