import "server-only";
import { sweepExpiredRows } from "./sweep-expired-rows";

/** The driver's own words (e.g. SQLITE_READONLY) sit in the cause of Drizzle's "Failed query" error. */
function describe(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause;
  return cause?.message ?? (error as Error).message;
}

let started = false;

/**
 * Sweeps now and then every `intervalMs` for as long as the process runs. The timer is unref'd, so it never keeps a
 * process alive. A sweep that fails (a read-only or full disk) is housekeeping only: it is logged once until one
 * succeeds again, and requests go on failing closed on their own (security bar G58).
 */
export function startSweeper(intervalMs: number): void {
  if (started) return;
  started = true;
  let running = false;
  let failing = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      await sweepExpiredRows();
      failing = false;
    } catch (error) {
      if (!failing)
        console.warn(
          `Passkey Lab: could not delete expired rows (${describe(error)}); trying again every ${intervalMs / 1000} s.`,
        );
      failing = true;
    } finally {
      running = false;
    }
  };
  void sweep();
  setInterval(sweep, intervalMs).unref();
}
