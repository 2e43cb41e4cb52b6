// The WebAuthn response inspector's API. Public on purpose: it needs no session because it stores nothing; it reads the
// posted response, and the stored FIDO metadata its trust step judges against (one query when that has not changed). proxy.ts guards signed-in pages and server actions only, so
// this route needs no entry there. Limits and error codes: lib/inspect/handle-inspect-request.ts.
import { refuseMethod } from "@/lib/route-methods";
import { handleInspectRequest } from "@/lib/inspect/handle-inspect-request";
import { readMdsSnapshot } from "@/lib/mds/mds-snapshot";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  await readMdsSnapshot();
  return handleInspectRequest(request);
}

export const GET = refuseMethod("POST");
