"use client";

import { useEffect, useState } from "react";
import { formatDateTime, formatInUtc, regionalLocale, type DateTimeShow } from "@/lib/format/date-time";

/**
 * Every date and time a page shows, in the page's language and the reader's time zone (lib/format/date-time.ts). Until the
 * browser takes over it reads in UTC, said so, so server and client HTML agree. `show="date"` for a day alone.
 * `locale`: the page's language (next-intl's getLocale on the server); English where a page is not translated yet.
 */
export function LocalTime({
  date,
  show = "date-time",
  locale = "en",
}: {
  date: Date;
  show?: DateTimeShow;
  locale?: string;
}) {
  const [text, setText] = useState(() => formatInUtc(date, show, locale));
  useEffect(
    () => setText(formatDateTime(date, { show, locale: regionalLocale(locale, navigator.languages) })),
    [date, show, locale],
  );
  return (
    <time dateTime={date.toISOString()} data-local-time="">
      {text}
    </time>
  );
}
