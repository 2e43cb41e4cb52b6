// One line of the troubleshooting report: what was checked, how it went, what it means for passkeys, what to do.
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

/** Every rule sees the raw snapshot and the platform read from it once. */
export type FindingContext = { snapshot: EnvironmentSnapshot; platform: Platform };

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

export function nothingToAsk(id: string, title: string): Finding {
  return finding(
    id,
    title,
    "unknown",
    "There is nothing to ask: this page has no passkey support (see “Passkey support in this browser”).",
    null,
  );
}
