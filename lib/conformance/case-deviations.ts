// Deviations are noted, not thrown: a success in the wrong shape must not stop a case whose later steps still decide
// whether the target is right. Each case runs in its own async context, so expectations need no extra argument.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Deviation } from "./types";

const current = new AsyncLocalStorage<Deviation[]>();

/** Runs one case and returns the deviations noted while it ran. */
export async function collectDeviations(
  run: () => Promise<void>,
): Promise<{ deviations: Deviation[]; error?: unknown }> {
  const deviations: Deviation[] = [];
  try {
    await current.run(deviations, run);
    return { deviations };
  } catch (error) {
    return { deviations, error };
  }
}

export function noteDeviation(deviation: Deviation): void {
  current.getStore()?.push(deviation);
}
