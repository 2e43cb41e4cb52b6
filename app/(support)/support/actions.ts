"use server";

// The console's look-ups are server actions, never GET pages: a POST with our own Origin (proxy.ts, security bar D34)
// and a session cookie that is SameSite=Lax, so a page on another site cannot make a staff member's browser look up
// accounts or open reports and fill their audit trail with fake entries.
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { parseInput } from "@/lib/auth/action-guard";
import { recordEvent } from "@/lib/auth/audit";
import { getUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { lookUpAccount, type AccountForSupport } from "@/lib/support/account-lookup";
import { withSupportConsole } from "@/lib/support/require-support";
import { reportTimeline } from "@/lib/support/report-timeline";
import { suggestedScript, type SupportScript } from "@/lib/support/support-script";
import type { EventForSupport } from "@/lib/support/timeline";
import { getLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/locales";
import { describeReport, type DescribedReport } from "@/lib/troubleshoot/describe-report";
import { storedReportSchema } from "@/lib/troubleshoot/report-content";
import { looksLikeReportCode } from "@/lib/troubleshoot/report-code";
import { findReportForStaff } from "@/lib/troubleshoot/reports";
import type { AccountViewText } from "./account-view";
import { accountViewText } from "./account-view-text";

export type ReportForStaff = {
  code: string;
  createdAt: Date;
  ownerEmail: string | null;
  /** In the staff member's language, whatever the person's (docs/decisions/028). */
  report: DescribedReport;
  /** The saving browser's last passkey requests, beside the owner's server events (when saved signed in). */
  timeline: EventForSupport[];
  /** What to ask, check and tell, in the staff member's language (built here: the browser has no translator). */
  script: SupportScript;
};

export type AccountForStaff = { account: AccountForSupport; text: AccountViewText };

export async function openReportAction(code: unknown): Promise<Result<ReportForStaff>> {
  return withSupportConsole(async ({ user: staff }, client) => {
    const input = parseInput(z.string().trim().min(1, "input.enter-code").max(40), code);
    if (!input.ok) return input;
    if (!looksLikeReportCode(input.data)) {
      await recordEvent(db, {
        userId: staff.id,
        type: "support.report-opened",
        client,
        detail: { code: "(not a code)", found: "no" },
      });
      return fail("report:not-a-code", "report.not-a-code-example");
    }
    const saved = await findReportForStaff(input.data);
    const report = saved && storedReportSchema.safeParse(saved.content);
    await recordEvent(db, {
      userId: staff.id,
      type: "support.report-opened",
      client,
      detail: { code: saved?.code ?? input.data, found: report?.success ? "yes" : "no" },
    });
    if (!saved || !report?.success) {
      return fail("report:not-found", "report.not-found-ask-again");
    }
    const owner = saved.userId ? await getUser(saved.userId) : undefined;
    const ownerKnown = owner !== undefined;
    const described = await describeReport(report.data, await readerLocale());
    return ok({
      code: saved.code,
      createdAt: saved.createdAt,
      ownerEmail: owner?.email ?? null,
      report: described,
      // In the staff member's language, whatever the person's (the report itself says theirs).
      timeline: await reportTimeline(
        saved.browserHash,
        owner?.id ?? null,
        saved.createdAt,
        await getTranslations("events"),
      ),
      script: suggestedScript(described.report, { ownerKnown }, await getTranslations("supportScript")),
    });
  });
}

export async function lookUpAccountAction(email: unknown): Promise<Result<AccountForStaff>> {
  return withSupportConsole(async ({ user: staff }, client) => {
    const input = parseInput(z.string().trim().min(1, "input.enter-email").max(254), email);
    if (!input.ok) return input;
    const account = await lookUpAccount(staff, input.data, client, await getTranslations("events"));
    return account
      ? ok({ account, text: await accountViewText(account) })
      : fail("support:no-account", "support.no-account-with-email");
  });
}

async function readerLocale() {
  const locale = await getLocale();
  return isLocale(locale) ? locale : "en";
}
