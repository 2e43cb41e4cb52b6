// The one way this site writes a date or a time (components/local-time.tsx shows it on a page): the person's locale and
// time zone in the browser; on the server, before the browser takes over, the same style in UTC, marked as UTC.

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

/** Before the browser knows the person's zone (server HTML, server messages): UTC, said so. */
export function formatInUtc(date: Date, show: DateTimeShow = "date-time"): string {
  return `${formatDateTime(date, { show, locale: "en", timeZone: "UTC" })} UTC`;
}
