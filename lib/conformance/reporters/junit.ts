// JUnit XML as CI systems read it: one <testsuite> per family. A wrong decision is a <failure>, a broken target an
// <error>; a deviation (or an inconclusive case) is no failure, so it travels as properties and system-out; not-run and
// skip are <skipped> with the reason (docs/decisions/016-conformance-outcomes.md).
import type { CaseResult, SuiteReport } from "../types";

const escape = (text: string) =>
  text
    .replace(
      /[&<>"']/g,
      (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[char] ?? char,
    )
    // XML 1.0 cannot carry most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "\uFFFD");

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function detailOf(result: CaseResult): string {
  const lines = [result.title];
  if (result.failure) lines.push(`expected: ${result.failure.expected}`, `received: ${result.failure.received}`);
  for (const deviation of result.deviations ?? [])
    lines.push(`${deviation.kind} (${deviation.step}): ${deviation.detail}`);
  return [...lines, "", JSON.stringify(result.exchanges, null, 2)].join("\n");
}

function body(result: CaseResult): string {
  const reason = escape(result.reason);
  switch (result.outcome) {
    case "pass":
      return "";
    case "skip":
    case "not-run":
      return `      <skipped message="${result.outcome === "not-run" ? `not run: ${reason}` : reason}"/>`;
    case "fail":
      return `      <failure message="${reason}" type="ConformanceFailure">${escape(detailOf(result))}</failure>`;
    case "target-error":
      return `      <error message="${reason}" type="TargetError">${escape(detailOf(result))}</error>`;
    case "deviation":
    case "inconclusive": {
      const kinds = [...new Set((result.deviations ?? []).map((deviation) => deviation.kind))];
      const properties = [
        `<property name="outcome" value="${result.outcome}"/>`,
        ...kinds.map((kind) => `<property name="deviation" value="${escape(kind)}"/>`),
      ];
      return `      <properties>${properties.join("")}</properties>\n      <system-out>${escape(detailOf(result))}</system-out>`;
    }
  }
}

function testCase(result: CaseResult): string {
  const open = `    <testcase classname="${escape(result.family)}" name="${escape(result.id)}" time="${seconds(result.durationMs)}">`;
  const inner = body(result);
  return inner ? `${open}\n${inner}\n    </testcase>` : `${open}</testcase>`;
}

function counts(cases: CaseResult[]) {
  const count = (...outcomes: CaseResult["outcome"][]) =>
    cases.filter((result) => outcomes.includes(result.outcome)).length;
  return `tests="${cases.length}" failures="${count("fail")}" errors="${count("target-error")}" skipped="${count("skip", "not-run")}"`;
}

/** `name` titles the run: the conformance suite by default, or the kit's probes. */
export function toJUnitXml(report: SuiteReport, name = "FIDO2 server conformance"): string {
  const families = [...new Set(report.cases.map((result) => result.family))];
  const suites = families.map((family) => {
    const cases = report.cases.filter((result) => result.family === family);
    const time = seconds(cases.reduce((total, result) => total + result.durationMs, 0));
    return `  <testsuite name="${escape(family)}" ${counts(cases)} time="${time}">\n${cases.map(testCase).join("\n")}\n  </testsuite>`;
  });
  const root = `name="${escape(name)}: ${escape(report.target)}" ${counts(report.cases)} time="${seconds(report.durationMs)}" timestamp="${report.startedAt}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${root}>\n${suites.join("\n")}\n</testsuites>\n`;
}
