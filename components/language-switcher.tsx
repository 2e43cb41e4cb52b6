// The language switcher in the site header: a plain form posting to a server action (lib/i18n/set-locale-action.ts),
// so it works by keyboard and before or without JavaScript. Each language is named in itself, with its own `lang`.
import { getLocale, getTranslations } from "next-intl/server";
import { LANGUAGE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { setLocaleAction } from "@/lib/i18n/set-locale-action";

export async function LanguageSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("languageSwitcher")]);
  return (
    <form action={setLocaleAction} className="flex items-center gap-2 text-sm">
      <label htmlFor="language" className="text-slate-700">
        {t("label")}
      </label>
      <select
        id="language"
        name="locale"
        defaultValue={locale}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-slate-900"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LANGUAGE_NAMES[option]}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50">
        {t("submit")}
      </button>
    </form>
  );
}
