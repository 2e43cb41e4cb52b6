// A case result as the web runner streams and stores it: every text capped, each exchange at most 16 kB, and a budget
// for one run's texts and exchanges, so a hostile target answering megabytes cannot fill a browser or the disk (a run
// stays under about 0.8 MB even when all of its cases fail).
import type { CaseResult, Exchange, StoredCaseResult } from "@/lib/conformance-report-shapes";

export const MAX_EXCHANGE_CHARS = 16 * 1024;
export const MAX_TEXT_CHARS = 2 * 1024;
/** What a failure's texts are cut to once the run's budget is spent. */
export const SPENT_TEXT_CHARS = 256;
export const MAX_RUN_CHARS = 512 * 1024;

export type { StoredCaseResult };

/** One run's allowance for failure texts and exchanges, shared by all its cases. */
export type RunBudget = { remainingChars: number };

export const newRunBudget = (): RunBudget => ({ remainingChars: MAX_RUN_CHARS });

export function capText(text: string, limit = MAX_TEXT_CHARS): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length} characters, cut)`;
}

/** A body kept as is when small; otherwise its JSON text, cut, so the exchange stays under the cap. */
function capBody(body: unknown, limit: number): unknown {
  const text = typeof body === "string" ? body : (JSON.stringify(body) ?? String(body));
  return text.length <= limit ? body : capText(text, limit);
}

export function capExchange(exchange: Exchange): Exchange {
  if (JSON.stringify(exchange).length <= MAX_EXCHANGE_CHARS) return exchange;
  // The URL is capped too: the rest of the 16 kB is shared by the two bodies.
  const bodyLimit = (MAX_EXCHANGE_CHARS - 3 * 1024) / 2;
  return {
    request: {
      method: exchange.request.method,
      url: capText(exchange.request.url, 1024),
      body: capBody(exchange.request.body, bodyLimit),
    },
    response: { status: exchange.response.status, body: capBody(exchange.response.body, bodyLimit) },
    durationMs: exchange.durationMs,
  };
}

/** The result with capped texts; a case that did not pass keeps the exchanges that fit in what is left of the run's budget. */
export function toShownResult(result: CaseResult, budget: RunBudget): StoredCaseResult {
  const textLimit = budget.remainingChars > 0 ? MAX_TEXT_CHARS : SPENT_TEXT_CHARS;
  const shown: StoredCaseResult = {
    id: capText(result.id, 512),
    family: capText(result.family, 512),
    title: capText(result.title, 512),
    outcome: result.outcome,
    reason: capText(result.reason, textLimit),
    exchanges: [],
    durationMs: result.durationMs,
  };
  if (result.failure) {
    const { message, expected, received } = result.failure;
    shown.failure = {
      message: capText(message, textLimit),
      expected: capText(expected, textLimit),
      received: capText(received, textLimit),
    };
  }
  if (result.deviations) {
    shown.deviations = result.deviations.slice(0, 8).map((deviation) => ({
      kind: capText(deviation.kind, 256),
      step: capText(deviation.step, 256),
      detail: capText(deviation.detail, textLimit),
    }));
  }
  budget.remainingChars -=
    shown.reason.length + JSON.stringify(shown.failure ?? "").length + JSON.stringify(shown.deviations ?? "").length;
  if (result.exchanges.length > 0) {
    const kept: Exchange[] = [];
    for (const exchange of result.exchanges.map(capExchange)) {
      const size = JSON.stringify(exchange).length;
      if (size > budget.remainingChars) break;
      budget.remainingChars -= size;
      kept.push(exchange);
    }
    shown.exchanges = kept;
    if (kept.length < result.exchanges.length) shown.exchangesOmitted = result.exchanges.length - kept.length;
  }
  return shown;
}
