// A closed-loop load driver: N clients, each starting its next operation when the last one ends, for a warm-up and
// then a measured window. Bounded in time (window + grace) and in count (maxOps per client).

export type LoadResult = {
  clients: number;
  /** Operations that finished inside the measured window (their latencies are the percentiles). */
  completed: number;
  perSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Successful operations over the whole level, warm-up included (for CPU per operation). */
  totalCompleted: number;
  /** Failures over the whole level, warm-up included. */
  errors: number;
  /** The first failure message of each kind, with its count. */
  errorKinds: Record<string, number>;
  windowS: number;
};

export type LoadPlan = {
  clients: number;
  warmupMs: number;
  measureMs: number;
  /** Upper bound on operations per client, whatever the time. */
  maxOpsPerClient?: number;
  /** An operation still running after this long counts as a failure (default 15 s). */
  opTimeoutMs?: number;
};

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function errorKind(error: unknown): string {
  const message =
    error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
  return message.replace(/[0-9a-f]{8,}|[A-Za-z0-9_-]{22,}/g, "…").slice(0, 160);
}

class OperationTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = "Timeout";
  }
}

/** `work`, or a rejection once `ms` have passed (the work itself is left to finish on its own). */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OperationTimeout(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Runs `operation(client)` in a closed loop on `plan.clients` clients. `operation` throws to report a failure. */
export async function runClosedLoop(plan: LoadPlan, operation: (client: number) => Promise<void>): Promise<LoadResult> {
  const begin = performance.now();
  const measureFrom = begin + plan.warmupMs;
  const stopAt = measureFrom + plan.measureMs;
  const maxOps = plan.maxOpsPerClient ?? 100_000;
  const opTimeoutMs = plan.opTimeoutMs ?? 15_000;
  const latencies: number[] = [];
  const errorKinds: Record<string, number> = {};
  let errors = 0;
  let totalCompleted = 0;

  async function client(index: number) {
    for (let done = 0; done < maxOps && performance.now() < stopAt; done++) {
      const started = performance.now();
      try {
        await withTimeout(operation(index), opTimeoutMs);
        const ended = performance.now();
        totalCompleted++;
        if (ended >= measureFrom && ended <= stopAt) latencies.push(ended - started);
      } catch (error) {
        errors++;
        const kind = errorKind(error);
        errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
      }
    }
  }

  await Promise.all(Array.from({ length: plan.clients }, (_, index) => client(index)));
  const windowS = plan.measureMs / 1000;
  latencies.sort((a, b) => a - b);
  return {
    clients: plan.clients,
    completed: latencies.length,
    perSec: round(latencies.length / windowS),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1) ?? Number.NaN),
    totalCompleted,
    errors,
    errorKinds,
    windowS,
  };
}
