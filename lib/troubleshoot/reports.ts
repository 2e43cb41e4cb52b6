// Saved troubleshooting reports: redacted on the way in, found by a short code for 30 days.
import { and, eq, gt, lt } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { troubleshootReports } from "@/lib/db/schema";
import { redact } from "./redact";
import { newReportCode, normaliseReportCode } from "./report-code";

export const REPORT_TTL_MS = 30 * 24 * 60 * 60_000;
export const REPORT_MAX_BYTES = 64 * 1024;

export type SavedReport = { code: string; content: Record<string, unknown>; createdAt: Date; expiresAt: Date; userId: string | null };

export async function saveReport(content: Record<string, unknown>, userId: string | null): Promise<string> {
  const redacted = redact(content) as Record<string, unknown>;
  for (let attempt = 0; ; attempt++) {
    const code = newReportCode();
    const [saved] = await db
      .insert(troubleshootReports)
      .values({ code, userId, content: redacted, expiresAt: new Date(Date.now() + REPORT_TTL_MS) })
      .onConflictDoNothing()
      .returning({ code: troubleshootReports.code });
    if (saved) return saved.code;
    if (attempt > 5) throw new Error("could not find a free report code");
  }
}

/** A report until it expires; after that it is not found, whether or not the sweeper has deleted it yet. */
export async function findReport(input: string, now = new Date()): Promise<SavedReport | null> {
  const code = normaliseReportCode(input);
  if (!code) return null;
  const report = await db.query.troubleshootReports.findFirst({
    where: and(eq(troubleshootReports.code, code), gt(troubleshootReports.expiresAt, now)),
  });
  return report ?? null;
}

/** The README's "kept 30 days" (security bar 68): run by the sweeper (lib/housekeeping) while the server runs. */
export async function deleteExpiredReports(now = new Date()): Promise<void> {
  await db.delete(troubleshootReports).where(lt(troubleshootReports.expiresAt, now));
}
