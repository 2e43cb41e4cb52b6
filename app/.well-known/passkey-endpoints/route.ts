// W3C Passkey Endpoints: a password manager reads this to offer "add a passkey" and "manage passkeys" for this site.
import { refuseMethod } from "@/lib/route-methods";
import { env } from "@/lib/env";
import { passkeyEndpoints, WELL_KNOWN_HEADERS } from "@/lib/well-known";

// Read at request time: the origin is configuration (RP_ORIGINS), not known when the build runs.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json(passkeyEndpoints(env.RP_ORIGINS[0]), { headers: WELL_KNOWN_HEADERS });
}

export const POST = refuseMethod("GET, HEAD");
