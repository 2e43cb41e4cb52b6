// FIDO2 Server Conformance Test API: ServerAuthenticatorAssertionResponse -> authenticated, or why not. The work is in lib/fido-server.
import { refuseMethod } from "@/lib/route-methods";
import { handleFidoRequest } from "@/lib/fido-server/handle-fido-request";
import { finishAssertion } from "@/lib/fido-server/finish-assertion";

export function POST(request: Request): Promise<Response> {
  return handleFidoRequest(request, finishAssertion);
}

export const GET = refuseMethod("POST");
