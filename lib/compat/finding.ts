// One line of the troubleshooting report: what was checked, how it went, what it means for passkeys, what to do.
import type { Platform } from "./platform-types";
import type { EnvironmentSnapshot } from "./snapshot";

export type FindingStatus = "ok" | "warning" | "problem" | "unknown";

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
};

/** Every rule sees the raw snapshot and the platform read from it once. */
export type FindingContext = { snapshot: EnvironmentSnapshot; platform: Platform };

export function finding(id: string, title: string, status: FindingStatus, meaning: string, fix: string | null, detail?: string): Finding {
  return detail === undefined ? { id, title, status, meaning, fix } : { id, title, status, meaning, fix, detail };
}
