import { Badge } from "@/components/badge";
import { LocalTime } from "@/components/local-time";
import type { EventForSupport } from "@/lib/support/timeline";

export type TimelineText = {
  nothing: string;
  browser: string;
  server: string;
  reportedByBrowser: string;
  /** Names for the keys of the server's record (`purpose`, `found`, …); a key not listed shows as stored. */
  fields: Record<string, string>;
  /** Words for the few stored values that are words (`yes`, `on`, …); codes and the verifier's words show as stored. */
  values: Record<string, string>;
};

const wordFor = (table: Record<string, string>, stored: string) =>
  Object.hasOwn(table, stored) ? table[stored] : stored;

/** One timeline, newest first: each entry says whether the server recorded it or the browser reported it. */
export function TimelineList({
  events,
  label,
  text,
  locale,
}: {
  events: EventForSupport[];
  label: string;
  text: TimelineText;
  locale: string;
}) {
  if (events.length === 0) return <p className="text-sm text-slate-600">{text.nothing}</p>;
  return (
    <ul aria-label={label} className="flex flex-col divide-y divide-slate-100 text-sm">
      {events.map((event) => (
        <li key={event.id} className="flex flex-col gap-0.5 py-2">
          <span>
            <Badge tone={event.source === "browser" ? "warn" : "neutral"}>
              {event.source === "browser" ? text.browser : text.server}
            </Badge>{" "}
            <LocalTime date={event.createdAt} locale={locale} /> · {event.what} ·{" "}
            {event.client ?? text.reportedByBrowser}
          </span>
          {event.facts.length > 0 && <span className="text-xs text-slate-600">{event.facts.join("; ")}</span>}
          {Object.keys(event.detail).length > 0 && (
            // The server's record: codes, names and the verifier's own words as stored; only its keys and yes/no in words.
            <span className="text-xs text-slate-600 [overflow-wrap:anywhere]">
              {Object.entries(event.detail)
                .map(([key, value]) => `${wordFor(text.fields, key)}: ${wordFor(text.values, value)}`)
                .join(" · ")}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
