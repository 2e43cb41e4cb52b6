// POST /api/inspect/site: { site } in, a SiteReport out. Bad input gets a typed 4xx in the one failure shape; a site
// that answers badly is a finding in the report, never an error. In `public` mode a host on a private, loopback or
// metadata address is refused before anything is fetched, and the guarded fetch checks every connection again.
import "server-only";
import { z } from "zod";
import { allow, limits } from "@/lib/auth/rate-limit";
import { checkTargetAddress } from "@/lib/conformance/target-guard";
import { env } from "@/lib/env";
import { failureResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/fido-server/read-json-body";
import { requestSource } from "@/lib/request-client";
import type { ErrorCode } from "@/lib/result";
import { checkSite } from "./check-site";
import { parseSiteInput } from "./site-input";

const HEADERS = { "Cache-Control": "no-store" };
const MAX_BODY_BYTES = 8 * 1024;

const bodySchema = z.object({ site: z.string() });

const refuse = (code: ErrorCode, message: string, detail?: string) =>
  failureResponse({ code, message, detail }, HEADERS);

export async function handleSiteCheckRequest(request: Request): Promise<Response> {
  try {
    const body = await readJsonBody(request, MAX_BODY_BYTES);
    if (!body.ok) return refuse(body.code === "fido:too-large" ? "request:too-large" : "input:invalid", body.message);
    const parsed = bodySchema.safeParse(body.data);
    if (!parsed.success)
      return refuse(
        "input:invalid",
        'Send a JSON object such as {"site":"example.com"} or {"site":"https://example.com"}.',
      );
    const site = parseSiteInput(parsed.data.site);
    if (!site.ok) return refuse(site.code, site.message);
    // Counted before any DNS look-up, so the limit also bounds how fast names can be probed.
    if (!(await allow(limits.siteCheckPerClient, await requestSource())))
      return refuse("rate:limited", "A few site checks a minute: wait a little, then check again.");
    const mode = env.SITE_CHECK_TARGETS;
    const target = await checkTargetAddress({ ok: true, url: site.data.origin, self: false }, mode);
    if (!target.ok) return refuse(target.code, target.message, target.detail);
    return Response.json(await checkSite(site.data, mode), { status: 200, headers: HEADERS });
  } catch (error) {
    console.error("site check: unexpected error", error);
    return refuse("server:unavailable", "The site check could not run. Try again in a moment.");
  }
}
