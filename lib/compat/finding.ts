// One line of the troubleshooting report: what was checked, how it went, what it means for passkeys, what to do.
import type { Translator } from "@/lib/i18n/translator";
import type { Platform } from "./platform-types";
import type { EnvironmentSnapshot } from "./snapshot";

/** "unused": what the browser reports about a feature this site does not use: neither OK nor a problem, just a fact. */
export type FindingStatus = "ok" | "warning" | "problem" | "unknown" | "unused";

/** One likely cause and what to do about it, most likely first. */
export type LikelyCause = { cause: string; fix: string };

export type Finding = {
  /** Stable kebab-case id ("secure-context"): the wizard keys its UI and the report on it. */
  id: string;
  title: string;
  status: FindingStatus;
  /** Plain words: what this means for this person's passkeys. */
  meaning: string;
  /** Concrete steps for this person's OS and browser; null when there is nothing to do. */
  fix: string | null;
  /** The technical evidence, for staff and the curious. */
  detail?: string;
  /** When a check cannot tell which of several causes it is: each with its fix, the likeliest first. */
  causes?: LikelyCause[];
};

/**
 * The words of the findings and of the fix steps they give, in the reader's language (lib/compat/translators.ts), and
 * that language for the lists ("Chrome or Edge") Intl.ListFormat writes.
 */
export type FindingTranslators = { locale: string; findings: Translator<"findings">; fixSteps: Translator<"fixSteps"> };

/**
 * Every rule sees the raw snapshot, the platform read from it once, the translator of the fix steps it hands on, and
 * the reader's list format; its own words come from the `findings` translator it takes beside this.
 */
export type FindingContext = {
  snapshot: EnvironmentSnapshot;
  platform: Platform;
  steps: Translator<"fixSteps">;
  /**
   * A list in the reader's language: "Chrome or Edge" ("or"), "Chrome y Edge" ("and"), or for names and API keys one
   * after another with the language's own comma ("plain": "a, b", "a、b", "a، b").
   */
  list: (items: string[], type: "or" | "and" | "plain") => string;
};

// Intl.ListFormat's "unit" lists run Chinese items together with no mark, so the plain list is this language's comma.
const COMMA: Record<string, string> = { zh: "、", ar: "، " };

/** A list joined as the reader's language joins it. */
export function listIn(locale: string): FindingContext["list"] {
  return (items, type) =>
    type === "plain"
      ? items.join(COMMA[locale] ?? ", ")
      : new Intl.ListFormat(locale, { style: "long", type: type === "or" ? "disjunction" : "conjunction" }).format(
          items,
        );
}

export function finding(
  id: string,
  title: string,
  status: FindingStatus,
  meaning: string,
  fix: string | null,
  detail?: string,
): Finding {
  return detail === undefined ? { id, title, status, meaning, fix } : { id, title, status, meaning, fix, detail };
}

/**
 * For the checks that ask PublicKeyCredential: with no PublicKeyCredential there is nothing to ask, and guessing from
 * the version ("needs Chrome 133") would mislead a current browser whose API was taken away.
 */
export function noPasskeyApi({ snapshot }: FindingContext): boolean {
  return snapshot.publicKeyCredential?.present === false;
}

export function nothingToAsk(id: string, title: string, t: Translator<"findings">): Finding {
  return finding(id, title, "unknown", t("nothingToAsk", { check: t("webauthnPresent.title") }), null);
}
