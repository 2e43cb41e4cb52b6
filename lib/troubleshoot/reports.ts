// Saved troubleshooting reports: redacted on the way in, found by their code for 30 days. Anyone with the code sees
// the report but never its contact email; support staff see all of it (security bar H64, docs/decisions/013).
import { and, eq, gt, lt } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { troubleshootReports } from "@/lib/db/schema";
import { allow, limits } from "@/lib/auth/rate-limit";
import { fail, ok, type Result } from "@/lib/result";
import { redact } from "./redact";
import { newReportCode, normaliseLegacyReportCode, normaliseReportCode } from "./report-code";

export const REPORT_TTL_MS = 30 * 24 * 60 * 60_000;
export const REPORT_MAX_BYTES = 64 * 1024;

export type SavedReport = {
  code: string;
  content: Record<string, unknown>;
  createdAt: Date;
  expiresAt: Date;
  userId: string | null;
  /** The saving browser (lib/browser-events/browser-id.ts), whose last passkey requests support sees beside it. */
  browserHash: string | null;
};
/** What anyone holding the code may see: no contact email, no account. */
export type PublicReport = Omit<SavedReport, "userId" | "browserHash">;

export async function saveReport(
  content: Record<string, unknown>,
  userId: string | null,
  browserHash: string | null = null,
): Promise<string> {
  const redacted = redact(content) as Record<string, unknown>;
  for (let attempt = 0; ; attempt++) {
    const code = newReportCode();
    const [saved] = await db
      .insert(troubleshootReports)
      .values({ code, userId, browserHash, content: redacted, expiresAt: new Date(Date.now() + REPORT_TTL_MS) })
      .onConflictDoNothing()
      .returning({ code: troubleshootReports.code });
    if (saved) return saved.code;
    if (attempt > 5) throw new Error("could not find a free report code");
  }
}

/** A report until it expires; after that it is not found, whether or not the sweeper has deleted it yet. */
async function findByCanonicalCode(code: string | null, now: Date): Promise<SavedReport | null> {
  if (!code) return null;
  const report = await db.query.troubleshootReports.findFirst({
    where: and(eq(troubleshootReports.code, code), gt(troubleshootReports.expiresAt, now)),
  });
  return report ?? null;
}

/**
 * For support staff (who are signed in with 2FA and a passkey step-up): the whole report, also under a short code of
 * the first scheme, which still opens the reports saved before long codes until they expire.
 */
export async function findReportForStaff(input: string, now = new Date()): Promise<SavedReport | null> {
  return (
    (await findByCanonicalCode(normaliseReportCode(input), now)) ??
    findByCanonicalCode(normaliseLegacyReportCode(input), now)
  );
}

/**
 * For anyone with a code (the public report page and its JSON): counted per client and overall, long codes only, and
 * without the contact email. Every look-up counts, found or not: that is what a guesser spends.
 */
export async function lookUpReport(input: string, source: string, now = new Date()): Promise<Result<PublicReport>> {
  if (!(await allow(limits.reportLookupPerClient, source)) || !(await allow(limits.reportLookupOverall, "all"))) {
    return fail("rate:limited", "rate.report-look-ups");
  }
  const report = await findByCanonicalCode(normaliseReportCode(input), now);
  if (!report) return fail("report:not-found", "report.not-found-30-days");
  const { contactEmail: _hidden, ...content } = report.content;
  return ok({ code: report.code, content, createdAt: report.createdAt, expiresAt: report.expiresAt });
}

/** The README's "kept 30 days" (security bar 68): run by the sweeper (lib/housekeeping) while the server runs. */
export async function deleteExpiredReports(now = new Date()): Promise<void> {
  await db.delete(troubleshootReports).where(lt(troubleshootReports.expiresAt, now));
}
