import { LocalTime } from "@/components/local-time";
import type { FailedSignInHour } from "@/lib/auth/failed-sign-ins";

/**
 * Failed sign-ins by callers who were not signed in, one line per hour (security bar 61): how many, from how many
 * addresses, and why. `showCodes` adds each reason's code, for support staff.
 */
export function FailedSignIns({ hours, showCodes = false }: { hours: FailedSignInHour[]; showCodes?: boolean }) {
  if (hours.length === 0) return <p className="text-sm text-slate-600">None in the last 30 days.</p>;
  return (
    <ul aria-label="Failed sign-ins" className="flex flex-col divide-y divide-slate-100 text-sm">
      {hours.map((hour) => (
        <li key={hour.hourStart.getTime()} className="flex flex-col gap-1 py-2">
          <span>
            <span className="font-medium text-red-700">{hour.summary}</span> in the hour from{" "}
            <LocalTime date={hour.hourStart} /> (last at <LocalTime date={hour.lastAt} />)
          </span>
          <span className="text-xs text-slate-600">
            {hour.reasons
              .map((reason) => `${reason.count} × ${reason.words}${showCodes ? ` (${reason.reason})` : ""}`)
              .join(" · ")}
          </span>
        </li>
      ))}
    </ul>
  );
}
