import { LocalTime } from "@/components/local-time";
import { browserEventFacts, browserEventSentence } from "@/lib/browser-events/words";
import type { BrowserEventRow } from "@/lib/db/schema";
import type { Translator } from "@/lib/i18n/translator";

/** What the browser saw of this person's passkey requests while signed in, in words ("Your browser cancelled …"). */
export function BrowserEvents({
  events,
  t,
  text,
  locale,
}: {
  events: BrowserEventRow[];
  t: Translator<"events">;
  text: { list: string; nothingYet: string };
  locale: string;
}) {
  if (events.length === 0) return <p className="text-sm text-slate-600">{text.nothingYet}</p>;
  return (
    <ul
      aria-label={text.list}
      className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm"
    >
      {events.map((event) => (
        <li key={event.id} className="flex flex-col gap-0.5 px-4 py-2">
          <span className={event.outcome === "ok" ? "" : "font-medium text-red-700"}>
            {browserEventSentence(event, t)}
          </span>
          <span className="text-xs text-slate-600">
            <LocalTime date={event.createdAt} locale={locale} /> · {browserEventFacts(event, t).join(" · ")}
          </span>
        </li>
      ))}
    </ul>
  );
}
