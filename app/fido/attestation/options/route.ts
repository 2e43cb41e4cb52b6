// FIDO2 Server Conformance Test API: ServerPublicKeyCredentialCreationOptionsRequest -> creation options. The work is in lib/fido-server.
import { handleFidoRequest } from "@/lib/fido-server/handle-fido-request";
import { startAttestation } from "@/lib/fido-server/start-attestation";

export function POST(request: Request): Promise<Response> {
  return handleFidoRequest(request, startAttestation);
}
