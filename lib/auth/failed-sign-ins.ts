// Failed sign-ins by callers who are not signed in (security bar 61). Anyone who knows an email can fail to sign in to
// its account as often as the rate limits allow, so these failures are not events in the activity log: each account
// has one counting row per hour, "14 failed sign-ins from 3 addresses", with how often each reason came up. A flood
// then changes a number, never pushes "passkey added" out of view, and stores nothing the caller wrote: reasons come
// from a fixed list and addresses are kept only as keyed hashes, to be counted.
import { createHmac } from "node:crypto";
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db/client";
import { failedSignIns, type FailedSignIns } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { failedSignInReasonKeys, type FailedSignInHour, type FailedSignInReason } from "./failed-sign-in-words";

const HOUR_MS = 60 * 60_000;
/** Kept as long as the activity a person can look back on for a month; the sweeper deletes older hours. */
export const FAILED_SIGN_INS_KEPT_MS = 30 * 24 * HOUR_MS;
/** Addresses counted per hour; at this the count reads "50 or more addresses". */
export const MAX_COUNTED_SOURCES = 50;

/** 48 bits of a keyed hash: distinct addresses stay distinct among 50, and the address cannot be read back. */
function sourceTag(source: string): string {
  return createHmac("sha256", env.AUTH_SECRET)
    .update(`failed-sign-in-source:${source}`)
    .digest()
    .subarray(0, 6)
    .toString("base64url");
}

/**
 * Counts one failure against the account's current hour, in one statement. With null (an unknown email) it runs the
 * same statement, which then inserts nothing: an unknown account costs the same as a known one (security bar E41).
 */
export async function recordFailedSignIn(
  writer: Tx | typeof db,
  failure: { userId: string | null; reason: FailedSignInReason; source: string },
  now = Date.now(),
): Promise<void> {
  if (!Object.hasOwn(failedSignInReasonKeys, failure.reason))
    throw new Error(`not a failed sign-in reason: ${failure.reason}`);
  const hourStart = Math.floor(now / HOUR_MS) * HOUR_MS;
  const tag = sourceTag(failure.source);
  const path = `$."${failure.reason}"`;
  await writer.run(sql`
    insert into failed_sign_ins (user_id, hour_start, count, reasons, sources, last_at)
    select id, ${hourStart}, 1, json_object(${failure.reason}, 1), json_array(${tag}), ${now} from users where id = ${failure.userId ?? ""}
    on conflict (user_id, hour_start) do update set
      count = count + 1,
      reasons = json_set(reasons, ${path}, coalesce(json_extract(reasons, ${path}), 0) + 1),
      sources = case
        when json_array_length(sources) >= ${MAX_COUNTED_SOURCES} or exists (select 1 from json_each(failed_sign_ins.sources) where value = ${tag})
        then sources else json_insert(sources, '$[#]', ${tag}) end,
      last_at = ${now}`);
}

function describeFailedSignIns(
  row: Pick<FailedSignIns, "hourStart" | "lastAt" | "count" | "reasons" | "sources">,
): FailedSignInHour {
  return {
    hourStart: row.hourStart,
    lastAt: row.lastAt,
    count: row.count,
    addresses: row.sources.length,
    addressesCapped: row.sources.length >= MAX_COUNTED_SOURCES,
    reasons: Object.entries(row.reasons)
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count),
  };
}

/** The account's hours with failed sign-ins, newest first, within the last `sinceMs` (default: all that is kept). */
export async function listFailedSignIns(
  userId: string,
  now = Date.now(),
  sinceMs = FAILED_SIGN_INS_KEPT_MS,
): Promise<FailedSignInHour[]> {
  const rows = await db.query.failedSignIns.findMany({
    where: and(eq(failedSignIns.userId, userId), gte(failedSignIns.hourStart, new Date(now - sinceMs))),
    orderBy: [desc(failedSignIns.hourStart)],
  });
  return rows.map(describeFailedSignIns);
}

export async function deleteOldFailedSignIns(now = Date.now()): Promise<void> {
  await db.delete(failedSignIns).where(lt(failedSignIns.hourStart, new Date(now - FAILED_SIGN_INS_KEPT_MS)));
}
