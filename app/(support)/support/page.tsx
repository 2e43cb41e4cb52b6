import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { slot } from "@/lib/i18n/fill-in";
import { suggestedScriptText } from "@/lib/support/support-script";
import { requireSupportStaff } from "@/lib/support/require-support";
import { ConfirmForConsole } from "./confirm-for-console";
import { SupportConsole, type SupportConsoleText } from "./support-console";

export async function generateMetadata() {
  return { title: (await getTranslations("support"))("title") };
}

export default async function SupportPage() {
  const { session, access } = await requireSupportStaff();
  const [t, locale] = await Promise.all([getTranslations("support"), getLocale()]);
  const link = (href: string) => (chunks: ReactNode) => (
    <Link href={href} className="font-medium text-brand-700 underline">
      {chunks}
    </Link>
  );
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("signedInAs", { email: session.user.email })}</p>
      </div>
      {access.state === "open" ? (
        <SupportConsole until={access.until} text={await supportConsoleText()} locale={locale} />
      ) : (
        <Card title={t("beforeOpening")}>
          <div className="flex flex-col gap-3 text-sm">
            <p>{t("whyChecks")}</p>
            {access.state === "needs-two-factor" && (
              <p>{t.rich("firstTwoFactor", { link: link("/account/two-factor") })}</p>
            )}
            {access.state === "needs-passkey" && <p>{t.rich("nextPasskey", { link: link("/account") })}</p>}
            {access.state === "needs-step-up" && <ConfirmForConsole label={t("confirmWithPasskey")} />}
          </div>
        </Card>
      )}
    </div>
  );
}

async function supportConsoleText(): Promise<SupportConsoleText> {
  const [t, common, script] = await Promise.all([
    getTranslations("support"),
    getTranslations("common"),
    getTranslations("supportScript"),
  ]);
  return {
    openUntil: t("openUntil", { until: slot("until") }),
    openReport: t("openReport"),
    reportCode: t("reportCode"),
    openReportButton: t("openReportButton"),
    lookUpAccount: t("lookUpAccount"),
    email: common("fields.email"),
    lookUp: t("lookUp"),
    reportHeading: t("reportHeading", { code: slot("code") }),
    saved: t("saved", { date: slot("date") }),
    savedSignedInAs: t("savedSignedInAs", { email: slot("email") }),
    lookUpThisAccount: t("lookUpThisAccount"),
    reportTimelineTitle: t("reportTimelineTitle"),
    reportTimeline: t("reportTimeline"),
    timeline: {
      nothing: t("timeline.nothing"),
      browser: t("timeline.browser"),
      server: t("timeline.server"),
      reportedByBrowser: t("timeline.reportedByBrowser"),
      fields: {
        amount: t("timeline.fields.amount"),
        to: t("timeline.fields.to"),
        automatic: t("timeline.fields.automatic"),
        code: t("timeline.fields.code"),
        found: t("timeline.fields.found"),
        email: t("timeline.fields.email"),
        from: t("timeline.fields.from"),
        label: t("timeline.fields.label"),
        mode: t("timeline.fields.mode"),
        purpose: t("timeline.fields.purpose"),
        reason: t("timeline.fields.reason"),
        verdict: t("timeline.fields.verdict"),
      },
      // The stored values that are words (lib/support/account-lookup.ts, the console's actions, the upgrade setting).
      // English shows each as stored, so the record reads the same as the database.
      values: {
        yes: t("timeline.values.yes"),
        no: t("timeline.values.no"),
        on: t("timeline.values.on"),
        off: t("timeline.values.off"),
        "(not a code)": t("timeline.values.notACode"),
        // A step-up's purpose (lib/db/schema.ts stepUpPurposes): English keeps the code, the others say it.
        "add-passkey": t("timeline.values.addPasskey"),
        "remove-passkey": t("timeline.values.removePasskey"),
        "remove-password": t("timeline.values.removePassword"),
        "recovery-codes": t("timeline.values.recoveryCodes"),
        "support-console": t("timeline.values.supportConsole"),
        "automatic-passkey": t("timeline.values.automaticPasskey"),
      },
    },
    script: suggestedScriptText(script),
  };
}
