import { refuseMethod } from "@/lib/route-methods";
import { NextResponse } from "next/server";
import { failureResponse } from "@/lib/errors";
import { requestSource } from "@/lib/request-client";
import { lookUpReport } from "@/lib/troubleshoot/reports";

/**
 * The report as a JSON download. Anyone with the code may read it: the code is the capability (60 bits, look-ups
 * limited per client and overall), and it is redacted, without the contact email (docs/decisions/013).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const found = await lookUpReport((await params).code, await requestSource());
  const noStore = { "Cache-Control": "private, no-store" };
  if (!found.ok) {
    if (found.code === "rate:limited") return failureResponse(found, { ...noStore, "Retry-After": "60" });
    // A malformed code and one that matches nothing answer alike: this address is a capability, not a search.
    return failureResponse({ code: "report:not-found", message: "No report with this code." }, noStore);
  }
  const report = found.data;
  return NextResponse.json(
    { code: report.code, createdAt: report.createdAt, expiresAt: report.expiresAt, report: report.content },
    { headers: { ...noStore, "Content-Disposition": `attachment; filename="passkey-lab-report-${report.code}.json"` } },
  );
}

export const POST = refuseMethod("GET, HEAD");
