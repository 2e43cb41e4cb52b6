import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import { notFound } from "next/navigation";
import { ReportView } from "@/components/troubleshoot/report-view";
import { isLocale } from "@/lib/i18n/locales";
import { describeReport } from "@/lib/troubleshoot/describe-report";
import { storedReportSchema } from "@/lib/troubleshoot/report-content";
import { requestSource } from "@/lib/request-client";
import { lookUpReport } from "@/lib/troubleshoot/reports";
import { inTheirLanguage } from "@/lib/in-their-language";
import { CopyButton } from "./copy-button";

export async function generateMetadata() {
  return { title: (await getTranslations("report"))("title") };
}

// The report in the reader's words (docs/decisions/028); its copy and its JSON keep the stored facts.
export default async function ReportPage({ params }: { params: Promise<{ code: string }> }) {
  const t = await getTranslations("report");
  const found = await lookUpReport((await params).code, await requestSource());
  if (!found.ok && found.code === "rate:limited")
    return <TooManyLookUps title={t("title")} message={(await inTheirLanguage(found)).message} />;
  const saved = found.ok ? found.data : null;
  const report = saved && storedReportSchema.safeParse(saved.content);
  if (!saved || !report?.success) notFound();
  const locale = await getLocale();
  const described = await describeReport(report.data, isLocale(locale) ? locale : "en");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/troubleshoot" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-lg">
          {t.rich("code", {
            code: () => (
              <strong className="font-mono tracking-widest" data-testid="report-code">
                {saved.code}
              </strong>
            ),
          })}
        </p>
        <p className="text-sm text-slate-600">
          {t.rich("keptUntil", { date: () => <LocalTime date={saved.expiresAt} show="date" locale={locale} /> })}
        </p>
        <div className="mt-3 flex flex-wrap gap-3">
          <CopyButton text={JSON.stringify(saved.content, null, 2)} labels={{ copy: t("copy"), copied: t("copied") }} />
          <a
            href={`/troubleshoot/report/${saved.code}/json`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium"
          >
            {t("downloadJson")}
          </a>
        </div>
      </div>
      <ReportView report={described} />
    </div>
  );
}

function TooManyLookUps({ title, message }: { title: string; message: string }) {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p role="alert" className="text-sm text-red-800">
        {message}
      </p>
    </div>
  );
}
