import { LocalTime } from "@/components/local-time";
import type { FailedSignInsText } from "@/lib/auth/failed-sign-in-words";
import { fillIn } from "@/lib/i18n/fill-in";

/**
 * Failed sign-ins by callers who were not signed in, one line per hour (security bar 61): how many, from how many
 * addresses, and why, in words the server wrote in the reader's language (lib/auth/failed-sign-in-words.ts). The
 * times are filled in here, in the reader's zone. `locale`: the page's language.
 */
export function FailedSignIns({ text, locale = "en" }: { text: FailedSignInsText; locale?: string }) {
  if (text.hours.length === 0) return <p className="text-sm text-slate-600">{text.none}</p>;
  return (
    <ul aria-label={text.list} className="flex flex-col divide-y divide-slate-100 text-sm">
      {text.hours.map((hour) => (
        <li key={hour.hourStart.getTime()} className="flex flex-col gap-1 py-2">
          <span className="font-medium text-red-700">
            {fillIn(hour.sentence, {
              start: <LocalTime key="start" date={hour.hourStart} locale={locale} />,
              last: <LocalTime key="last" date={hour.lastAt} locale={locale} />,
            })}
          </span>
          <span className="text-xs text-slate-600">{hour.reasons}</span>
        </li>
      ))}
    </ul>
  );
}
