// The WebAuthn response inspector's API. Public on purpose: it needs no session because it stores nothing and never
// touches the database; it only reads the posted response. proxy.ts guards signed-in pages and server actions only, so
// this route needs no entry there. Limits and error codes: lib/inspect/handle-inspect-request.ts.
import { refuseMethod } from "@/lib/route-methods";
import { handleInspectRequest } from "@/lib/inspect/handle-inspect-request";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleInspectRequest(request);
}

export const GET = refuseMethod("POST");
