// FIDO2 Server Conformance Test API: ServerPublicKeyCredentialGetOptionsRequest -> request options. The work is in lib/fido-server.
import { refuseMethod } from "@/lib/route-methods";
import { handleFidoRequest } from "@/lib/fido-server/handle-fido-request";
import { startAssertion } from "@/lib/fido-server/start-assertion";

export function POST(request: Request): Promise<Response> {
  return handleFidoRequest(request, startAssertion);
}

export const GET = refuseMethod("POST");
