"use server";
// The language switcher's form posts here (components/language-switcher.tsx): a plain form, so it works before or
// without JavaScript. Not tied to an account: a visitor chooses too, and the choice is not secret.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { isLocale, LOCALE_COOKIE } from "./locales";

const ONE_YEAR_S = 365 * 24 * 60 * 60;

export async function setLocaleAction(formData: unknown): Promise<void> {
  // Anyone can post anything here: only a form's "locale" field is read, and only a language we have is kept.
  const locale = formData instanceof FormData ? formData.get("locale") : null;
  // A language we do not have changes nothing; the page simply comes back as it was.
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, { httpOnly: true, sameSite: "lax", path: "/", maxAge: ONE_YEAR_S });
  }
  redirect(samePagePath((await headers()).get("referer")));
}

/** Back to the page the form was on: only its path and query, never another origin (a "//host" path is one). */
function samePagePath(referer: string | null): string {
  try {
    const url = new URL(referer ?? "/", "http://portal.invalid");
    const path = `${url.pathname}${url.search}`;
    return /^\/(?![/\\])/.test(path) ? path : "/";
  } catch {
    return "/";
  }
}
