import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import { listEvents } from "@/lib/auth/audit";
import { auditEventWords, clientWords, publicDetail } from "@/lib/auth/audit-words";
import { requirePageSession } from "@/lib/auth/session";
import { FailedSignIns } from "@/components/failed-sign-ins";
import { failedSignInsText } from "@/lib/auth/failed-sign-in-words";
import { listFailedSignIns } from "@/lib/auth/failed-sign-ins";
import { listBrowserEventsOfAccount } from "@/lib/browser-events/store";
import { BrowserEvents } from "./browser-events";

export async function generateMetadata() {
  return { title: (await getTranslations("activity"))("title") };
}

const failures = new Set(["sign-in.failed", "step-up.failed"]);

export default async function ActivityPage() {
  const { user } = await requirePageSession();
  const events = await listEvents(user.id);
  const failedSignIns = await listFailedSignIns(user.id);
  const [t, words, locale] = await Promise.all([getTranslations("activity"), getTranslations("events"), getLocale()]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/account" className="text-sm text-brand-700 underline">
          {t("backToAccount")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <section aria-labelledby="failed-sign-ins" className="flex flex-col gap-2">
        <h2 id="failed-sign-ins" className="text-lg font-semibold">
          {t("failedTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("failedIntro")}</p>
        <FailedSignIns text={failedSignInsText(failedSignIns, words)} locale={locale} />
      </section>
      <section aria-labelledby="browser-events" className="flex flex-col gap-2">
        <h2 id="browser-events" className="text-lg font-semibold">
          {t("browserTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("browserIntro")}</p>
        <BrowserEvents
          events={await listBrowserEventsOfAccount(user.id, 30)}
          t={words}
          text={{ list: t("browserList"), nothingYet: t("nothingYet") }}
          locale={locale}
        />
      </section>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">{t("nothingYet")}</p>
      ) : (
        // Long values (a 64-character passkey name, a browser string) wrap inside their cell instead of widening the
        // table, so it never scrolls sideways. On a phone each event is a block of lines: four columns do not fit
        // 390 px. The explicit roles keep it a table for screen readers when CSS changes its display.
        <div className="rounded-lg border border-slate-200 bg-white">
          <table role="table" aria-label={t("log")} className="w-full table-fixed text-start text-sm max-sm:block">
            <caption className="sr-only">{t("log")}</caption>
            <thead role="rowgroup" className="bg-slate-50 text-xs uppercase text-slate-600 max-sm:sr-only">
              <tr role="row">
                <th role="columnheader" scope="col" className="w-44 px-4 py-2">
                  {t("when")}
                </th>
                <th role="columnheader" scope="col" className="px-4 py-2">
                  {t("what")}
                </th>
                <th role="columnheader" scope="col" className="px-4 py-2">
                  {t("details")}
                </th>
                <th role="columnheader" scope="col" className="px-4 py-2">
                  {t("client")}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup" className="max-sm:block">
              {events.map((event) => (
                <tr
                  role="row"
                  key={event.id}
                  className="border-t border-slate-100 max-sm:flex max-sm:flex-col max-sm:gap-0.5 max-sm:px-4 max-sm:py-3 first:max-sm:border-t-0"
                >
                  <td role="cell" className="px-4 py-2 align-top max-sm:p-0 max-sm:text-xs max-sm:text-slate-600">
                    <LocalTime date={event.createdAt} locale={locale} />
                  </td>
                  <td
                    role="cell"
                    className={`px-4 py-2 align-top [overflow-wrap:anywhere] max-sm:p-0 ${failures.has(event.type) ? "font-medium text-red-700" : ""}`}
                  >
                    {auditEventWords(event.type, words)}
                  </td>
                  <td role="cell" className="px-4 py-2 align-top text-slate-600 [overflow-wrap:anywhere] max-sm:p-0">
                    {publicDetail(event.detail, words).join(" · ")}
                  </td>
                  <td
                    role="cell"
                    className="px-4 py-2 align-top text-slate-600 [overflow-wrap:anywhere] max-sm:p-0 max-sm:text-xs"
                  >
                    {clientWords(event.client, words)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
