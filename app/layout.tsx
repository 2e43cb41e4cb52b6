import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { ALERT_WORDS_META } from "@/components/alert";
import { SiteHeader } from "@/components/site-header";
import { SERVER_UNREACHABLE_META } from "@/lib/browser/server-unreachable";
import { EXPLANATION_UNAVAILABLE_META } from "@/lib/browser/webauthn-browser";
import { textDirection } from "@/lib/i18n/locales";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const [t, errors] = await Promise.all([getTranslations("layout"), getTranslations("errors")]);
  return {
    title: { default: "Passkey Lab", template: "%s · Passkey Lab" },
    description: t("description"),
    // What the browser says when the server cannot be asked, in the page's language: reachServer's sentence
    // (lib/browser/server-unreachable.ts) and a failed passkey request's (lib/browser/webauthn-browser.ts).
    other: {
      [SERVER_UNREACHABLE_META]: errors("server.unreachable-lab"),
      [EXPLANATION_UNAVAILABLE_META]: t("explanationUnavailable"),
      // The labels of an alert's causes, fixes and technical detail (components/alert.tsx).
      [ALERT_WORDS_META]: JSON.stringify({
        mostLikely: t("alert.mostLikely"),
        otherCauses: t("alert.otherCauses"),
        whatToDo: t("alert.whatToDo"),
        technicalDetail: t("alert.technicalDetail"),
      }),
    },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so Next.js can put this response's CSP nonce on its scripts (decision 015); a page
  // prerendered at build time would carry none, and the browser would refuse all of its scripts.
  await connection();
  const [locale, t] = await Promise.all([getLocale(), getTranslations("layout")]);
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2"
        >
          {t("skipToContent")}
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-4xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
