// The languages every page a person reads comes in (issue 16 part 2, decision 027). Framework-free: the negotiation,
// the switcher and the tests share it.

export const LOCALES = ["en", "es", "zh", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The switcher's choice; without it, Accept-Language decides on every request (i18n/negotiate-locale.ts). */
export const LOCALE_COOKIE = "locale";

/** Each language named in itself, so a person who cannot read the current one still finds theirs. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: "English",
  es: "Español",
  zh: "简体中文",
  ar: "العربية",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Arabic is written right to left; `<html dir>` turns the whole page (Tailwind's ms-/me- logical classes follow). */
export function textDirection(locale: string): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}
