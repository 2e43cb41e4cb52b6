// The GET handlers behind a stored run's downloads: the run is opened by its unguessable id, as its page is
// (app/conformance/runs/[id]/page.tsx); an unknown id is a typed 404, never a page.
import "server-only";
import { failureResponse } from "@/lib/errors";
import { findRun } from "./run-store";
import { reportFileName, storedRunReport } from "./stored-report";
import { WEB_CONCURRENCY } from "./web-run";
import type { SuiteReport } from "../types";

type Format = { extension: "json" | "xml"; contentType: string; render: (report: SuiteReport) => string };

export async function storedReportResponse(id: string, format: Format): Promise<Response> {
  const noStore = { "Cache-Control": "private, no-store" };
  const run = await findRun(id);
  if (!run) return failureResponse({ code: "run:not-found", message: "No run has this id." }, noStore);
  return new Response(format.render(storedRunReport(run, WEB_CONCURRENCY)), {
    headers: {
      ...noStore,
      "Content-Type": format.contentType,
      "Content-Disposition": `attachment; filename="${reportFileName(run.id, format.extension)}"`,
      // As the page: the link does not travel in a Referer, and search engines keep none of it.
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex",
    },
  });
}
