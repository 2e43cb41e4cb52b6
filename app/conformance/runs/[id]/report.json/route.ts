// A stored run as the CLI's --json writes it (README: the JSON contract).
import { refuseMethod } from "@/lib/route-methods";
import { toJsonReport } from "@/lib/conformance/reporters/json";
import { storedReportResponse } from "@/lib/conformance/runs/stored-report-response";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return storedReportResponse((await params).id, {
    extension: "json",
    contentType: "application/json; charset=utf-8",
    render: toJsonReport,
  });
}

export const POST = refuseMethod("GET, HEAD");
