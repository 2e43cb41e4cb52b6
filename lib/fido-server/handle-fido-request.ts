// The one entry point of the four route handlers: switch, size limit, JSON, then the operation; its Result becomes the
// Conformance Test API's {status, errorMessage} body. Framework-free: a web Request in, a web Response out.
import { ERRORS } from "@/lib/errors";
import { failForDevelopers, type Result } from "@/lib/result";
import { fidoConformanceEnabled } from "./conformance-relying-party";
import { readJsonBody } from "./read-json-body";

export type FidoOperation = (body: unknown) => Promise<Result<object>>;

const HEADERS = { "Cache-Control": "no-store" };

function toResponse(result: Result<object>): Response {
  if (result.ok)
    return Response.json({ status: "ok", errorMessage: "", ...result.data }, { status: 200, headers: HEADERS });
  const errorMessage = result.detail ? `${result.message} (${result.detail})` : result.message;
  return Response.json({ status: "failed", errorMessage }, { status: ERRORS[result.code].status, headers: HEADERS });
}

/**
 * Never a 500 (security bar B18): every failure is a 4xx with a non-empty errorMessage. An error nobody expected
 * (a bug, a database fault) is logged with its stack and answered without it.
 */
export async function handleFidoRequest(
  request: Request,
  operation: FidoOperation,
  enabled = fidoConformanceEnabled(),
): Promise<Response> {
  try {
    if (!enabled)
      return toResponse(
        failForDevelopers("fido:off", "The FIDO2 conformance API is turned off here (FIDO_CONFORMANCE_API=off)."),
      );
    const body = await readJsonBody(request);
    if (!body.ok) return toResponse(body);
    return toResponse(await operation(body.data));
  } catch (error) {
    console.error("FIDO conformance API: unexpected error", error);
    return toResponse(failForDevelopers("fido:bad-request", "The server could not process this request."));
  }
}
