import { Badge } from "@/components/badge";
import { LocalTime } from "@/components/local-time";
import type { EventForSupport } from "@/lib/support/timeline";

/** One timeline, newest first: each entry says whether the server recorded it or the browser reported it. */
export function TimelineList({ events, label }: { events: EventForSupport[]; label: string }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">Nothing recorded.</p>;
  return (
    <ul aria-label={label} className="flex flex-col divide-y divide-slate-100 text-sm">
      {events.map((event) => (
        <li key={event.id} className="flex flex-col gap-0.5 py-2">
          <span>
            <Badge tone={event.source === "browser" ? "warn" : "neutral"}>
              {event.source === "browser" ? "Browser" : "Server"}
            </Badge>{" "}
            <LocalTime date={event.createdAt} /> · {event.what} · {event.client}
          </span>
          {Object.keys(event.detail).length > 0 && (
            <span className="text-xs text-slate-600 [overflow-wrap:anywhere]">
              {Object.entries(event.detail)
                .map(([key, value]) => `${key}: ${value}`)
                .join(" · ")}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
