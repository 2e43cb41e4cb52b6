// The one way this site writes a date or a time (components/local-time.tsx shows it on a page): in the page's language
// (lib/i18n) and the person's time zone in the browser; on the server, before the browser takes over, the same style in
// UTC, marked as UTC.

export type DateTimeShow = "date-time" | "date";

const styles: Record<DateTimeShow, Intl.DateTimeFormatOptions> = {
  "date-time": { dateStyle: "medium", timeStyle: "short" },
  date: { dateStyle: "medium" },
};

/**
 * `locale` and `timeZone` undefined: the runtime's own (in the browser, the person's). A locale the runtime does not
 * know falls back to its default rather than throwing: the date still shows.
 */
export function formatDateTime(
  date: Date,
  { show = "date-time", locale, timeZone }: { show?: DateTimeShow; locale?: string; timeZone?: string } = {},
): string {
  const options = { ...styles[show], timeZone };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(date);
  }
}

/**
 * Before the browser knows the person's zone (server HTML, server messages): UTC, said so. "UTC" reads the same in
 * every language we serve. Server messages are still English, hence the default.
 */
export function formatInUtc(date: Date, show: DateTimeShow = "date-time", locale = "en"): string {
  return `${formatDateTime(date, { show, locale, timeZone: "UTC" })} UTC`;
}

/**
 * The page's language as the person's browser writes it: "en" read by an en-GB browser is en-GB (7 Dec 2026, 05:42),
 * "es" read by an es-MX one es-MX. English is also what a person gets when none of their languages is served (and
 * every developer page): then their dates stay in their own locale, as before pages were translated (issue 13: a
 * German reader sees 07.12.2026). A page in another language the browser does not list keeps that language.
 */
export function regionalLocale(pageLocale: string, browserLanguages: readonly string[]): string {
  const primary = (tag: string) => tag.toLowerCase().split("-")[0];
  const variant = browserLanguages.find((tag) => primary(tag) === primary(pageLocale));
  if (variant) return variant;
  return primary(pageLocale) === "en" ? (browserLanguages[0] ?? pageLocale) : pageLocale;
}
