// The site checker's API: fetches a site's two well-known files and judges them. Public like POST /api/inspect (it
// stores nothing but a rate-limit count); the SSRF guard and limits live in lib/site-check/handle-site-check-request.ts.
import { refuseMethod } from "@/lib/route-methods";
import { handleSiteCheckRequest } from "@/lib/site-check/handle-site-check-request";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleSiteCheckRequest(request);
}

export const GET = refuseMethod("POST");
