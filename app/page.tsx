import { getTranslations } from "next-intl/server";
import { currentSession } from "@/lib/auth/session";

// Every key written out whole, so the unused-key test (lib/i18n/messages.test.ts) finds it in the source.
const areas = [
  { href: "/sign-up", title: "tryPasskeys.title", body: "tryPasskeys.body", cta: "tryPasskeys.cta" },
  { href: "/troubleshoot", title: "troubleshoot.title", body: "troubleshoot.body", cta: "troubleshoot.cta" },
  { href: "/conformance", title: "conformance.title", body: "conformance.body", cta: "conformance.cta" },
  { href: "/report-card", title: "reportCard.title", body: "reportCard.body", cta: "reportCard.cta" },
  { href: "/inspect", title: "inspect.title", body: "inspect.body", cta: "inspect.cta" },
  { href: "/inspect/site", title: "siteCheck.title", body: "siteCheck.body", cta: "siteCheck.cta" },
] as const;

const linkStyle = "font-medium text-brand-700 underline";

export default async function HomePage() {
  const [session, t] = await Promise.all([currentSession(), getTranslations("home")]);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Passkey Lab</h1>
        <p className="max-w-2xl text-lg text-slate-700">{t("intro")}</p>
        <p className="text-sm text-slate-600">
          {session
            ? t.rich("signedInAs", {
                email: session.user.email,
                link: (chunks) => (
                  <a href="/account" className={linkStyle}>
                    {chunks}
                  </a>
                ),
              })
            : t.rich("haveAccount", {
                link: (chunks) => (
                  <a href="/sign-in" className={linkStyle}>
                    {chunks}
                  </a>
                ),
              })}
        </p>
      </div>
      <ul className="grid gap-4 md:grid-cols-3">
        {areas.map((area) => (
          <li key={area.href} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="font-semibold">{t(area.title)}</h2>
            <p className="flex-1 text-sm text-slate-700">{t(area.body)}</p>
            <a href={area.href} className="text-sm font-medium text-brand-700 underline">
              {t(area.cta)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
