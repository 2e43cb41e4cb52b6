"use client";

import { useEffect, useState } from "react";

const format = (date: Date, timeZone?: string) =>
  new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);

/** A time in the reader's own time zone; UTC until the browser takes over, so server and client HTML agree. */
export function LocalTime({ date }: { date: Date }) {
  const [text, setText] = useState(() => `${format(date, "UTC")} UTC`);
  useEffect(() => setText(format(date)), [date]);
  return <time dateTime={date.toISOString()}>{text}</time>;
}
