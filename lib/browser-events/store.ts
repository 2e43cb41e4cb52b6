// Browser events in the database: recorded, bounded, listed and swept. Bounded in total as well as by rate (security
// bar 60): an account keeps its last MAX_PER_ACCOUNT, a browser its last MAX_PER_BROWSER, and signed-out events at
// most MAX_SIGNED_OUT in all, oldest dropped first; the sweeper deletes what is older than 30 days (bar 68).
import "server-only";
import { and, desc, eq, gte, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import { db, transaction } from "@/lib/db/client";
import { browserEvents, type BrowserEventRow } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import type { BrowserEventReport } from "./vocabulary";

export const BROWSER_EVENTS_KEPT_MS = 30 * 24 * 60 * 60_000;
export const MAX_PER_ACCOUNT = 200;
export const MAX_PER_BROWSER = 50;
/** ≈ 300 bytes a row: a few MB at most, however many addresses a flooder has. */
export const MAX_SIGNED_OUT = 20_000;

export async function recordBrowserEvent(
  event: BrowserEventReport,
  owner: { userId: string | null; browserHash: string },
  now = Date.now(),
): Promise<void> {
  await transaction(async (tx) => {
    await tx.insert(browserEvents).values({
      id: newToken(12),
      ...owner,
      ...event,
      // Tens of milliseconds say nothing about a person's passkey request; whole tenths of a second are enough.
      durationMs: Math.round(event.durationMs / 100) * 100,
      createdAt: new Date(now),
    });
    // Everything past the newest `keep` rows that match `where` (LIMIT -1: no limit, SQLite's own spelling).
    const keepNewest = (where: SQL, keep: number) =>
      tx.run(sql`delete from browser_events where id in
        (select id from browser_events where ${where} order by created_at desc limit -1 offset ${keep})`);
    if (owner.userId) await keepNewest(sql`user_id = ${owner.userId}`, MAX_PER_ACCOUNT);
    await keepNewest(sql`browser_hash = ${owner.browserHash}`, MAX_PER_BROWSER);
    if (!owner.userId) await keepNewest(sql`user_id is null`, MAX_SIGNED_OUT);
  });
}

export async function listBrowserEventsOfAccount(userId: string, limit = 50): Promise<BrowserEventRow[]> {
  return db.query.browserEvents.findMany({
    where: eq(browserEvents.userId, userId),
    orderBy: [desc(browserEvents.createdAt)],
    limit,
  });
}

/** The browser's last events up to `until` (a report shows those before it was saved). */
export async function listBrowserEventsOfBrowser(
  browserHash: string,
  until: Date,
  limit = 20,
): Promise<BrowserEventRow[]> {
  return db.query.browserEvents.findMany({
    where: and(eq(browserEvents.browserHash, browserHash), lte(browserEvents.createdAt, until)),
    orderBy: [desc(browserEvents.createdAt)],
    limit,
  });
}

export async function deleteOldBrowserEvents(now = Date.now()): Promise<void> {
  await db.delete(browserEvents).where(lt(browserEvents.createdAt, new Date(now - BROWSER_EVENTS_KEPT_MS)));
}

/** How far back a sign-in claims this browser's signed-out events: the attempts that led to it, not a shared past. */
export const CLAIM_WINDOW_MS = 24 * 60 * 60_000;

/**
 * The browser's signed-out events of the last day become the account's once the browser signs in to it: the person
 * who just proved themselves here is the one whose attempts failed here (docs/decisions/025). Only the browser's own
 * HttpOnly cookie leads here, never anything the caller claims.
 */
export async function claimBrowserEvents(browserHash: string, userId: string, now = Date.now()): Promise<void> {
  await db
    .update(browserEvents)
    .set({ userId })
    .where(
      and(
        eq(browserEvents.browserHash, browserHash),
        isNull(browserEvents.userId),
        gte(browserEvents.createdAt, new Date(now - CLAIM_WINDOW_MS)),
      ),
    );
}
