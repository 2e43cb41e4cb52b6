// One question to the browser, with a time limit: shared by the wizard's checks and the per-ceremony browser events,
// so both wait alike. It names nothing from outside itself: the wizard's page carries it as text in its inline script
// (app/troubleshoot/start-checks.ts).

/**
 * The probe's answer, or null when it throws or takes longer than 2 s (a hung extension). Not less: on a loaded
 * machine a healthy browser answered after more than 300 ms, and the wizard read "Unknown" where all was well.
 */
export async function probe<T>(run: () => Promise<T> | T): Promise<T | null> {
  try {
    return await Promise.race([
      Promise.resolve().then(run),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000)),
    ]);
  } catch {
    return null;
  }
}
