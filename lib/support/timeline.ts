// One timeline for support staff: the server's events (with its exact verdicts) and what the browser saw of each
// passkey request, newest first. A browser event reads in our words only, built from its enumerated values
// (lib/browser-events/words.ts): nothing the caller sent is shown as text (security bar 61).
import "server-only";
import { auditEventWords, clientWords } from "@/lib/auth/audit-words";
import { browserEventFacts, browserEventSentence, browserEventTechnicalFacts } from "@/lib/browser-events/words";
import type { AuditEvent, BrowserEventRow } from "@/lib/db/schema";
import type { Translator } from "@/lib/i18n/translator";

export type EventForSupport = {
  id: string;
  createdAt: Date;
  /** `server`: the server's own record and verdict; `browser`: what the page reported the browser said. */
  source: "server" | "browser";
  what: string;
  /** The server's record of the client (address, browser); null for a browser event: the page reported it. */
  client: string | null;
  /** The server's own record, key by key, as stored (keys and values are data, not sentences). */
  detail: Record<string, string>;
  /** What the browser saw of a passkey request, in our words; none for a server event. */
  facts: string[];
};

/** `t`: the staff member's language (getTranslations in the console's server code). */
export function serverEventForSupport(event: AuditEvent, t: Translator<"events">): EventForSupport {
  return {
    id: event.id,
    createdAt: event.createdAt,
    source: "server",
    what: auditEventWords(event.type, t),
    client: clientWords(event.client, t),
    detail: event.detail,
    facts: [],
  };
}

export function browserEventForSupport(event: BrowserEventRow, t: Translator<"events">): EventForSupport {
  return {
    id: `browser-${event.id}`,
    createdAt: event.createdAt,
    source: "browser",
    what: browserEventSentence(event, t),
    client: null,
    detail: {},
    facts: [...browserEventFacts(event, t), ...browserEventTechnicalFacts(event, t)],
  };
}

export function mergeTimeline(...lists: EventForSupport[][]): EventForSupport[] {
  return lists.flat().sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
