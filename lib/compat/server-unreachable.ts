// The one finding the wizard must be able to show without the server: the checks are judged there, so when it cannot
// be reached this is all the page can say. The page renders it on the server, in its language, ahead of time. Kept
// apart so the page can import it without the rules and their tables.
import type { Translator } from "@/lib/i18n/translator";
import { type Finding, finding } from "./finding";

export function serverUnreachableFinding(t: Translator<"findings">): Finding {
  return finding(
    "server-reachable",
    t("serverReachable.title"),
    "problem",
    t("serverReachable.failed"),
    t("serverReachable.failedFix"),
  );
}
