// FIDO2 Server Conformance Test API: ServerAuthenticatorAttestationResponse -> registered, or why not. The work is in lib/fido-server.
import { refuseMethod } from "@/lib/route-methods";
import { handleFidoRequest } from "@/lib/fido-server/handle-fido-request";
import { finishAttestation } from "@/lib/fido-server/finish-attestation";

export function POST(request: Request): Promise<Response> {
  return handleFidoRequest(request, finishAttestation);
}

export const GET = refuseMethod("POST");
