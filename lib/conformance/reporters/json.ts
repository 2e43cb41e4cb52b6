import type { SuiteReport } from "../types";

/** The whole report as JSON: summary, then every case with its status, reason or failure and exchanges. */
export function toJsonReport(report: SuiteReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
