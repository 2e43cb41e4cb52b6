import type { SuiteReport } from "../types";

/**
 * The whole report as JSON, in the contract README documents: summary by outcome class, crashedAfter, then every case
 * as { id, family, title, outcome, reason, exchanges } (plus failure or deviations where there are some).
 */
export function toJsonReport(report: SuiteReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
