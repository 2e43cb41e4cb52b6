// JUnit XML as CI systems read it: one <testsuite> per family, a <failure> with expected vs received and every
// exchange, a <skipped> with the reason.
import type { CaseResult, SuiteReport } from "../types";

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[char] ?? char)
    // XML 1.0 cannot carry most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "\uFFFD");

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testCase(result: CaseResult): string {
  const open = `    <testcase classname="${escape(result.family)}" name="${escape(result.id)}" time="${seconds(result.durationMs)}">`;
  if (result.status === "skipped") return `${open}\n      <skipped message="${escape(result.reason ?? "")}"/>\n    </testcase>`;
  if (result.status === "passed" || !result.failure) return `${open}</testcase>`;
  const { message, expected, received } = result.failure;
  const detail = [`${result.title}`, `expected: ${expected}`, `received: ${received}`, "", JSON.stringify(result.exchanges ?? [], null, 2)].join("\n");
  return `${open}\n      <failure message="${escape(message)}" type="ConformanceFailure">${escape(detail)}</failure>\n    </testcase>`;
}

export function toJUnitXml(report: SuiteReport): string {
  const families = [...new Set(report.cases.map((result) => result.family))];
  const suites = families.map((family) => {
    const cases = report.cases.filter((result) => result.family === family);
    const failures = cases.filter((result) => result.status === "failed").length;
    const skipped = cases.filter((result) => result.status === "skipped").length;
    const time = seconds(cases.reduce((total, result) => total + result.durationMs, 0));
    const attributes = `name="${escape(family)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}"`;
    return `  <testsuite ${attributes}>\n${cases.map(testCase).join("\n")}\n  </testsuite>`;
  });
  const { total, failed, skipped } = report.summary;
  const root = `name="FIDO2 server conformance: ${escape(report.target)}" tests="${total}" failures="${failed}" errors="0" skipped="${skipped}" time="${seconds(report.durationMs)}" timestamp="${report.startedAt}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${root}>\n${suites.join("\n")}\n</testsuites>\n`;
}
