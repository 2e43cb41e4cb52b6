// FIDO2 Server Conformance Test API: ServerPublicKeyCredentialCreationOptionsRequest -> creation options. The work is in lib/fido-server.
import { refuseMethod } from "@/lib/route-methods";
import { handleFidoRequest } from "@/lib/fido-server/handle-fido-request";
import { startAttestation } from "@/lib/fido-server/start-attestation";

export function POST(request: Request): Promise<Response> {
  return handleFidoRequest(request, startAttestation);
}

export const GET = refuseMethod("POST");
