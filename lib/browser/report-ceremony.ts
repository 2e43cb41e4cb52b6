// Tells the server what the browser saw of a passkey request: how it ended (the DOMException's name, from a fixed
// list), how it was asked for, how long it took, whether an extension had replaced the passkey functions, and what the
// browser says it can do. Most failures never reach the server otherwise (a closed prompt, a timeout, an extension
// answering instead of the platform). Every ceremony call site wraps its call in `reported(...)`, one line.
// Best effort: reporting never delays, changes or breaks the ceremony. The sending part loads once a ceremony has
// ended, not with the page (first-load JS ≤ 140 kB, docs/performance.md).
import type { Ceremony, Mediation } from "@/lib/browser-events/vocabulary";

function send(ceremony: Ceremony, mediation: Mediation, startedAt: number, error: unknown) {
  void import("./send-browser-event")
    .then((module) => module.sendBrowserEvent(ceremony, mediation, startedAt, error))
    .catch(() => {
      /* offline or refused: the ceremony's own outcome is what the person needs */
    });
}

/**
 * Runs the browser's ceremony and reports how it ended, then answers or throws exactly what the ceremony did:
 * `response = await reported("sign-in", () => startAuthentication(...))`.
 */
export async function reported<T>(
  ceremony: Ceremony,
  run: () => Promise<T>,
  mediation: Mediation = "modal",
): Promise<T> {
  const startedAt = Date.now();
  try {
    const answer = await run();
    send(ceremony, mediation, startedAt, null);
    return answer;
  } catch (error) {
    send(ceremony, mediation, startedAt, error);
    throw error;
  }
}
