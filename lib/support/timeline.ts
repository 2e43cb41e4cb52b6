// One timeline for support staff: the server's events (with its exact verdicts) and what the browser saw of each
// passkey request, newest first. A browser event reads in our words only, built from its enumerated values
// (lib/browser-events/words.ts): nothing the caller sent is shown as text (security bar 61).
import "server-only";
import { auditEventTypes } from "@/lib/auth/audit";
import { browserEventFacts, browserEventSentence, browserEventTechnicalFacts } from "@/lib/browser-events/words";
import type { AuditEvent, BrowserEventRow } from "@/lib/db/schema";

export type EventForSupport = {
  id: string;
  createdAt: Date;
  /** `server`: the server's own record and verdict; `browser`: what the page reported the browser said. */
  source: "server" | "browser";
  what: string;
  client: string;
  detail: Record<string, string>;
};

export function serverEventForSupport(event: AuditEvent): EventForSupport {
  return {
    id: event.id,
    createdAt: event.createdAt,
    source: "server",
    what: auditEventTypes[event.type as keyof typeof auditEventTypes] ?? event.type,
    client: event.client,
    detail: event.detail,
  };
}

export function browserEventForSupport(event: BrowserEventRow): EventForSupport {
  return {
    id: `browser-${event.id}`,
    createdAt: event.createdAt,
    source: "browser",
    what: browserEventSentence(event),
    client: "reported by the browser",
    detail: { seen: [...browserEventFacts(event), ...browserEventTechnicalFacts(event)].join("; ") },
  };
}

export function mergeTimeline(...lists: EventForSupport[][]): EventForSupport[] {
  return lists.flat().sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
