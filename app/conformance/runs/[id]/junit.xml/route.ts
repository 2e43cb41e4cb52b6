// A stored run as the CLI's --junit writes it, for a CI system that reads JUnit XML.
import { refuseMethod } from "@/lib/route-methods";
import { toJUnitXml } from "@/lib/conformance/reporters/junit";
import { storedReportResponse } from "@/lib/conformance/runs/stored-report-response";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return storedReportResponse((await params).id, {
    extension: "xml",
    contentType: "application/xml; charset=utf-8",
    render: toJUnitXml,
  });
}

export const POST = refuseMethod("GET, HEAD");
