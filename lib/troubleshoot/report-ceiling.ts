// Reports are kept 30 days, so a rate limit alone does not bound what strangers can store: 20 a minute from each of
// many addresses adds up for a month. The number of reports kept at once is bounded instead (security bar 60).
import { gt } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { troubleshootReports } from "@/lib/db/schema";
import { fail, type Failure } from "@/lib/result";

/** At most this many unexpired reports: at REPORT_MAX_BYTES (64 kB) each, ≈ 320 MB at worst; a real one is a few kB. */
export const MAX_STORED_REPORTS = 5_000;

/**
 * False once MAX_STORED_REPORTS unexpired reports are stored. Checked before the insert, not in its commit, so saves
 * racing at the ceiling may pass it by as many as are in flight: a bound all the same.
 */
export async function hasRoomForReport(now = new Date(), max = MAX_STORED_REPORTS): Promise<boolean> {
  return (await db.$count(troubleshootReports, gt(troubleshootReports.expiresAt, now))) < max;
}

export const reportStoreFull = (): Failure => fail("rate:limited", "rate.reports-full");
