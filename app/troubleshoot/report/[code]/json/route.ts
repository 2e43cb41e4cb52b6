import { NextResponse } from "next/server";
import { findReport } from "@/lib/troubleshoot/reports";

/** The report as a JSON download. Anyone with the code may read it: the code is the capability, and it is redacted. */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const report = await findReport((await params).code);
  if (!report) return NextResponse.json({ code: "report:not-found", message: "No report with this code (they last 30 days)." }, { status: 404 });
  return NextResponse.json(
    { code: report.code, createdAt: report.createdAt, expiresAt: report.expiresAt, report: report.content },
    { headers: { "Content-Disposition": `attachment; filename="passkey-lab-report-${report.code}.json"`, "Cache-Control": "private, no-store" } },
  );
}
