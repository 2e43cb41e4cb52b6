// The activity log: every sign-in, failure and factor change, with the browser/OS and non-secret details only; in
// words, in the reader's language, by audit-words.ts.
import { desc, eq } from "drizzle-orm";
import { db, type Tx } from "@/lib/db/client";
import { auditEvents, type AuditEvent } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import type { AuditEventType } from "./audit-words";

type Writer = Tx | typeof db;

export async function recordEvent(
  writer: Writer,
  event: { userId: string | null; type: AuditEventType; client: string; detail?: Record<string, string> },
): Promise<void> {
  await writer.insert(auditEvents).values({ id: newToken(12), ...event, detail: event.detail ?? {} });
}

export async function listEvents(userId: string, limit = 100): Promise<AuditEvent[]> {
  return db.query.auditEvents.findMany({
    where: eq(auditEvents.userId, userId),
    orderBy: [desc(auditEvents.createdAt)],
    limit,
  });
}
