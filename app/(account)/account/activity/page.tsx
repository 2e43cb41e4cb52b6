import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { auditEventTypes, listEvents, publicDetail } from "@/lib/auth/audit";
import { requirePageSession } from "@/lib/auth/session";
import { FailedSignIns } from "@/components/failed-sign-ins";
import { listFailedSignIns } from "@/lib/auth/failed-sign-ins";

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
        <h2 id="failed-sign-ins" className="text-lg font-semibold">Failed sign-ins</h2>
        <p className="text-sm text-slate-600">
          Attempts to sign in to your account that failed, counted per hour. Anyone who knows your email can cause these;
          if you see many and did not make them, your password and passkeys still keep them out.
        </p>
        <FailedSignIns hours={failedSignIns} />
      </section>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing yet.</p>
      ) : (
        <div tabIndex={0} role="region" aria-label="Account activity, scrollable" className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Account activity</caption>
            <thead className="bg-slate-50 text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2">When</th>
                <th scope="col" className="px-4 py-2">What</th>
                <th scope="col" className="px-4 py-2">Details</th>
                <th scope="col" className="px-4 py-2">Browser and OS</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id} className="border-t border-slate-100">
                  <td className="whitespace-nowrap px-4 py-2"><LocalTime date={event.createdAt} /></td>
                  <td className={`px-4 py-2 ${failures.has(event.type) ? "font-medium text-red-700" : ""}`}>
                    {auditEventTypes[event.type as keyof typeof auditEventTypes] ?? event.type}
                  </td>
                  <td className="px-4 py-2 text-slate-600">{publicDetail(event.detail).join(" · ")}</td>
                  <td className="px-4 py-2 text-slate-600">{event.client}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
