// The FIDO conformance API for unit tests: the four operations called the way the route handlers call them
// (a web Request in, a Response out).
import { finishAssertion } from "@/lib/fido-server/finish-assertion";
import { finishAttestation } from "@/lib/fido-server/finish-attestation";
import { handleFidoRequest, type FidoOperation } from "@/lib/fido-server/handle-fido-request";
import { startAssertion } from "@/lib/fido-server/start-assertion";
import { startAttestation } from "@/lib/fido-server/start-attestation";

export const operations = {
  "/attestation/options": startAttestation,
  "/attestation/result": finishAttestation,
  "/assertion/options": startAssertion,
  "/assertion/result": finishAssertion,
} satisfies Record<string, FidoOperation>;

export type FidoPath = keyof typeof operations;
export type FidoAnswer = { status: number; body: { status: string; errorMessage: string } & Record<string, unknown> };

export async function post(path: FidoPath, body: unknown, init: RequestInit = {}): Promise<FidoAnswer> {
  const request = new Request(`http://localhost/fido${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
    ...init,
  });
  const response = await handleFidoRequest(request, operations[path], true);
  return { status: response.status, body: await response.json() };
}
