"use client";

import { useEffect, useState } from "react";
import { formatDateTime, formatInUtc, type DateTimeShow } from "@/lib/format/date-time";

/**
 * Every date and time a page shows, in the reader's own locale and time zone (lib/format/date-time.ts). Until the
 * browser takes over it reads in UTC, said so, so server and client HTML agree. `show="date"` for a day alone.
 */
export function LocalTime({ date, show = "date-time" }: { date: Date; show?: DateTimeShow }) {
  const [text, setText] = useState(() => formatInUtc(date, show));
  useEffect(() => setText(formatDateTime(date, { show })), [date, show]);
  return (
    <time dateTime={date.toISOString()} data-local-time="">
      {text}
    </time>
  );
}
