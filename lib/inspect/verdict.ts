import type { Step, Verdict } from "./types";

/**
 * "invalid" when any judged step failed, else "incomplete" when a step could not be judged (an optional input was
 * missing), else "valid". Advisory steps (trust when not required, the library's opinion) never decide.
 */
export function decideVerdict(steps: Step[]): Verdict {
  const deciding = steps.filter((step) => !step.advisory);
  if (deciding.some((step) => step.ok === false)) return "invalid";
  if (deciding.some((step) => step.ok === null)) return "incomplete";
  return "valid";
}
