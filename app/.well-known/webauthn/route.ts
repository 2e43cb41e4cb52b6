// Related origins (WebAuthn L3 §5.11): other sites that may use this RP ID, from RP_RELATED_ORIGINS; 404 when unset.
import { refuseMethod } from "@/lib/route-methods";
import { env } from "@/lib/env";
import { failureResponse } from "@/lib/errors";
import { relatedOrigins, WELL_KNOWN_HEADERS } from "@/lib/well-known";

export const dynamic = "force-dynamic";

export function GET(): Response {
  const body = relatedOrigins(env.RP_RELATED_ORIGINS);
  if (!body)
    return failureResponse({
      code: "well-known:not-configured",
      message: "No related origins are configured here (RP_RELATED_ORIGINS).",
    });
  return Response.json(body, { headers: WELL_KNOWN_HEADERS });
}

export const POST = refuseMethod("GET, HEAD");
