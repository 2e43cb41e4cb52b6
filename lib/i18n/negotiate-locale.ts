// Which language a request gets: the switcher's cookie, else the best of Accept-Language (RFC 9110 §12.5.4), else
// English. Pure, so the order and the q-values are unit-tested (negotiate-locale.test.ts).
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

// A header longer than this is not a browser's; read only its start rather than parse something unbounded.
const MAX_HEADER_LENGTH = 1024;

export function negotiateLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  return bestAcceptedLocale(acceptLanguage ?? "") ?? DEFAULT_LOCALE;
}

/**
 * The supported language with the highest q-value; ties go to the one listed first. A tag matches by its primary
 * subtag ("es-MX" → es, "zh-CN" and "zh-Hans" → zh). "zh-TW"/"zh-Hant" readers get Simplified Chinese too: closer to
 * what they read than English (decision 027). "*" and q=0 pick nothing.
 */
function bestAcceptedLocale(header: string): Locale | undefined {
  let best: { locale: Locale; q: number } | undefined;
  for (const part of header.slice(0, MAX_HEADER_LENGTH).split(",")) {
    const [tag = "", ...params] = part.trim().split(";");
    const primary = tag.trim().toLowerCase().split("-")[0];
    if (!isLocale(primary)) continue;
    const q = qualityOf(params);
    if (q > 0 && (!best || q > best.q)) best = { locale: primary, q };
  }
  return best?.locale;
}

function qualityOf(params: string[]): number {
  for (const param of params) {
    const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
    if (match) return Number(match[1]);
  }
  return 1;
}
