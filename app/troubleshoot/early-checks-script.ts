// The inline script that runs the automatic checks as the page is parsed (start-checks.ts).
import "server-only";
import { CHECKS_IDS } from "./checks-answer";
import { checkParts, startChecks } from "./start-checks";

/** startChecks and the parts it uses, each as its source, called with the ids of the page's container and config. */
export function earlyChecksScript(): string {
  const parts = Object.entries(checkParts).map(([name, part]) => `${name}: ${part.toString()}`);
  return `(${startChecks.toString()})(${JSON.stringify(CHECKS_IDS)}, { ${parts.join(", ")} });`;
}
