// Advice a report carries beside its outcomes (README: the JSON contract's `hints`), for what a rerun would fix.
import { OPTIONS_DEVIATION } from "./options-shape";
import type { Deviation } from "./types";

export const ONE_CEREMONY_AT_A_TIME_HINT =
  "The target answered one user's options for another user's ceremony: it serves one ceremony at a time (one \"current user\"). Rerun with --concurrency 1.";

/**
 * The hints for a run, from every deviation its cases noted (whatever their outcome: a case that then failed saw the
 * same thing). Options for another user mean cases overlapped on a target that keeps one current user; at concurrency 1
 * nothing overlaps, so there it is only the deviation.
 */
export function runHints(deviations: Deviation[], concurrency: number): string[] {
  const overlapped =
    concurrency > 1 && deviations.some((deviation) => deviation.kind === OPTIONS_DEVIATION.anotherUser);
  return overlapped ? [ONE_CEREMONY_AT_A_TIME_HINT] : [];
}
