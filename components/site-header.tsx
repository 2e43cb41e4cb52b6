// The header says whether you are signed in: visitors get "Sign in" and "Sign up", signed-in people their account,
// wallet and "Sign out" (which ends every session of the account: app/(account)/account/actions.ts).
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(account)/account/actions";
import { currentSession } from "@/lib/auth/session";
import { LanguageSwitcher } from "./language-switcher";

const linkStyle = "text-sm text-slate-700 hover:text-slate-950";

export async function SiteHeader() {
  const [session, t] = await Promise.all([currentSession(), getTranslations("header")]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav
        aria-label={t("mainNavigation")}
        className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3"
      >
        {/* A plain link, like the others: next/link would add its router chunk (≈ 3 kB gzip) to every page and prefetch
            "/" while the page hydrates, beside the troubleshooting wizard's checks request (docs/performance.md). */}
        <a href="/" className="font-semibold text-brand-700">
          Passkey Lab
        </a>
        <a href="/troubleshoot" className={linkStyle}>
          {t("troubleshoot")}
        </a>
        <a href="/conformance" className={linkStyle}>
          {t("conformance")}
        </a>
        <a href="/inspect" className={linkStyle}>
          {t("inspect")}
        </a>
        <span className="ms-auto flex flex-wrap items-center gap-x-6 gap-y-2">
          {session ? (
            <>
              <a href="/account" className={linkStyle}>
                {t("account")}
              </a>
              <a href="/wallet" className={linkStyle}>
                {t("wallet")}
              </a>
              {/* Only staff see the way into the support console: to everyone else it answers 404
                  (lib/support/require-support.ts), and a link would tell them it exists. */}
              {session.user.role === "support" && (
                <a href="/support" className={`${linkStyle} font-medium`}>
                  {t("support")}
                </a>
              )}
              <form action={signOutAction}>
                <button
                  type="submit"
                  className={`${linkStyle} underline`}
                  title={t("signedInAs", { email: session.user.email })}
                >
                  {t("signOut")}
                </button>
              </form>
            </>
          ) : (
            <>
              <a href="/sign-in" className={linkStyle}>
                {t("signIn")}
              </a>
              <a
                href="/sign-up"
                className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800"
              >
                {t("signUp")}
              </a>
            </>
          )}
          <LanguageSwitcher />
        </span>
      </nav>
    </header>
  );
}
