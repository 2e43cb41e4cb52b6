import { redirect } from "next/navigation";
import { requireSupport } from "@/lib/support/require-support";
import { normaliseReportCode } from "@/lib/troubleshoot/report-code";

/** The console's "open a report" form lands here and goes on to the report's own address. */
export default async function OpenReportPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  await requireSupport();
  const code = normaliseReportCode(String((await searchParams).code ?? ""));
  redirect(code ? `/support/reports/${code}` : "/support/reports/not-a-code");
}
