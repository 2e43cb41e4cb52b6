import Link from "next/link";
import { ReportView } from "@/components/troubleshoot/report-view";
import { recordEvent } from "@/lib/auth/audit";
import { getUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { requestClient } from "@/lib/request-client";
import { requireSupport } from "@/lib/support/require-support";
import { reportContentSchema } from "@/lib/troubleshoot/report-content";
import { findReport } from "@/lib/troubleshoot/reports";

export const metadata = { title: "Report · Support console" };

export default async function StaffReportPage({ params }: { params: Promise<{ code: string }> }) {
  const { user: staff } = await requireSupport();
  const { code } = await params;
  const saved = await findReport(code);
  const report = saved && reportContentSchema.safeParse(saved.content);
  await recordEvent(db, { userId: staff.id, type: "support.report-opened", client: await requestClient(), detail: { code, found: report?.success ? "yes" : "no" } });
  const owner = saved?.userId ? await getUser(saved.userId) : undefined;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/support" className="text-sm text-brand-700 underline">
          ← Support console
        </Link>
        <h1 className="mt-2 text-2xl font-bold">Report {saved?.code ?? code}</h1>
        {saved && <p className="text-sm text-slate-600">Saved {saved.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC</p>}
        {owner && (
          <p className="text-sm">
            Saved while signed in as{" "}
            <Link href={`/support/accounts?email=${encodeURIComponent(owner.email)}`} className="text-brand-700 underline">
              {owner.email}
            </Link>
          </p>
        )}
      </div>
      {report?.success ? (
        <ReportView report={report.data} forStaff />
      ) : (
        <p role="alert" className="text-sm text-red-800">
          No report with this code. Codes last 30 days; ask the person to read it again (letters and digits, no 0, O, 1, I, L, 5 or S).
        </p>
      )}
    </div>
  );
}
