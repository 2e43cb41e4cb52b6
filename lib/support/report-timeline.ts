// A report's timeline for support staff: the last passkey requests of the browser that saved it, up to the moment it
// was saved, beside the server's events of the account it was saved from (when it was saved signed in).
import "server-only";
import { and, desc, eq, lte } from "drizzle-orm";
import { listBrowserEventsOfBrowser } from "@/lib/browser-events/store";
import { db } from "@/lib/db/client";
import type { Translator } from "@/lib/i18n/translator";
import { auditEvents } from "@/lib/db/schema";
import { browserEventForSupport, mergeTimeline, serverEventForSupport, type EventForSupport } from "./timeline";

export async function reportTimeline(
  browserHash: string | null,
  ownerId: string | null,
  savedAt: Date,
  t: Translator<"events">,
): Promise<EventForSupport[]> {
  const browser = browserHash ? await listBrowserEventsOfBrowser(browserHash, savedAt, 20) : [];
  const server = ownerId
    ? await db.query.auditEvents.findMany({
        where: and(eq(auditEvents.userId, ownerId), lte(auditEvents.createdAt, savedAt)),
        orderBy: [desc(auditEvents.createdAt)],
        limit: 20,
      })
    : [];
  return mergeTimeline(
    browser.map((event) => browserEventForSupport(event, t)),
    server.map((event) => serverEventForSupport(event, t)),
  );
}
