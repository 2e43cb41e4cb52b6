import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { auditEventTypes, listEvents, publicDetail } from "@/lib/auth/audit";
import { requirePageSession } from "@/lib/auth/session";
import { FailedSignIns } from "@/components/failed-sign-ins";
import { listFailedSignIns } from "@/lib/auth/failed-sign-ins";
import { listBrowserEventsOfAccount } from "@/lib/browser-events/store";
import { BrowserEvents } from "./browser-events";

export const metadata = { title: "Activity" };

const failures = new Set(["sign-in.failed", "step-up.failed"]);

export default async function ActivityPage() {
  const { user } = await requirePageSession();
  const events = await listEvents(user.id);
  const failedSignIns = await listFailedSignIns(user.id);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/account" className="text-sm text-brand-700 underline">
          ← Your account
        </Link>
        <h1 className="mt-2 text-2xl font-bold">Activity</h1>
        <p className="text-sm text-slate-600">Sign-ins, failures and every change to how you sign in; newest first.</p>
      </div>
      <section aria-labelledby="failed-sign-ins" className="flex flex-col gap-2">
        <h2 id="failed-sign-ins" className="text-lg font-semibold">
          Failed sign-ins
        </h2>
        <p className="text-sm text-slate-600">
          Attempts to sign in to your account that failed, counted per hour. Anyone who knows your email can cause
          these; if you see many and did not make them, your password and passkeys still keep them out.
        </p>
        <FailedSignIns hours={failedSignIns} />
      </section>
      <section aria-labelledby="browser-events" className="flex flex-col gap-2">
        <h2 id="browser-events" className="text-lg font-semibold">
          What your browser saw
        </h2>
        <p className="text-sm text-slate-600">
          How your passkey requests ended in your browser while you were signed in, including those that never reached
          us (a closed prompt, a timeout); kept 30 days.
        </p>
        <BrowserEvents events={await listBrowserEventsOfAccount(user.id, 30)} />
      </section>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing yet.</p>
      ) : (
        // Long values (a 64-character passkey name, a browser string) wrap inside their cell instead of widening the
        // table, so it never scrolls sideways. On a phone each event is a block of lines: four columns do not fit
        // 390 px. The explicit roles keep it a table for screen readers when CSS changes its display.
        <div className="rounded-lg border border-slate-200 bg-white">
          <table
            role="table"
            aria-label="Account activity"
            className="w-full table-fixed text-left text-sm max-sm:block"
          >
            <caption className="sr-only">Account activity</caption>
            <thead role="rowgroup" className="bg-slate-50 text-xs uppercase text-slate-600 max-sm:sr-only">
              <tr role="row">
                <th role="columnheader" scope="col" className="w-44 px-4 py-2">
                  When
                </th>
                <th role="columnheader" scope="col" className="px-4 py-2">
                  What
                </th>
                <th role="columnheader" scope="col" className="px-4 py-2">
                  Details
                </th>
                <th role="columnheader" scope="col" className="px-4 py-2">
                  Browser and OS
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup" className="max-sm:block">
              {events.map((event) => (
                <tr
                  role="row"
                  key={event.id}
                  className="border-t border-slate-100 max-sm:flex max-sm:flex-col max-sm:gap-0.5 max-sm:px-4 max-sm:py-3 first:max-sm:border-t-0"
                >
                  <td role="cell" className="px-4 py-2 align-top max-sm:p-0 max-sm:text-xs max-sm:text-slate-600">
                    <LocalTime date={event.createdAt} />
                  </td>
                  <td
                    role="cell"
                    className={`px-4 py-2 align-top [overflow-wrap:anywhere] max-sm:p-0 ${failures.has(event.type) ? "font-medium text-red-700" : ""}`}
                  >
                    {auditEventTypes[event.type as keyof typeof auditEventTypes] ?? event.type}
                  </td>
                  <td role="cell" className="px-4 py-2 align-top text-slate-600 [overflow-wrap:anywhere] max-sm:p-0">
                    {publicDetail(event.detail).join(" · ")}
                  </td>
                  <td
                    role="cell"
                    className="px-4 py-2 align-top text-slate-600 [overflow-wrap:anywhere] max-sm:p-0 max-sm:text-xs"
                  >
                    {event.client}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
