// POST /api/inspect, framework-free: a web Request in, a web Response out. Bodies over 1 MB are refused before
// parsing (security bar B23), shapes are checked with zod, and nothing ever answers 500 (B18).
import { MAX_BODY_BYTES } from "@/lib/fido-server/conformance-relying-party";
import { failureResponse } from "@/lib/errors";
import { readJsonBody } from "@/lib/fido-server/read-json-body";
import type { ErrorCode } from "@/lib/result";
import { resolveAskedFor } from "./asked-for";
import { readCredentialPublicKey } from "./credential-public-key";
import { detectCeremony, inspectResponse } from "./inspect-response";
import { inspectRequestSchema } from "./inspect-request";

export type InspectErrorCode = Extract<ErrorCode, `inspect:${string}`>;

const HEADERS = { "Cache-Control": "no-store" };

const refuse = (code: InspectErrorCode, message: string) => failureResponse({ code, message }, HEADERS);

export async function handleInspectRequest(request: Request): Promise<Response> {
  try {
    const body = await readJsonBody(request, MAX_BODY_BYTES);
    if (!body.ok) {
      return body.code === "fido:too-large"
        ? refuse("inspect:too-large", "The request is larger than 1 MB; a WebAuthn response is a few kilobytes.")
        : refuse("inspect:bad-json", body.message);
    }
    const parsed = inspectRequestSchema.safeParse(body.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue.path.length > 0 ? issue.path.join(".") : "the body";
      return refuse(
        "inspect:bad-request",
        `${where}: ${issue.message}. Send { response, options?, mediation?, expectedChallenge?, expectedOrigin?, expectedRPID?, … }.`,
      );
    }
    const ceremony = detectCeremony(parsed.data.response);
    if (!ceremony) {
      return refuse(
        "inspect:unknown-ceremony",
        "response.response has neither attestationObject (registration) nor authenticatorData (authentication).",
      );
    }
    const asked = resolveAskedFor(parsed.data, ceremony);
    if (!asked.ok) return refuse("inspect:bad-request", asked.message);
    // A key in neither form is a mistake in what was pasted, not a verdict on the response.
    const key = asked.input.credentialPublicKey;
    const read = key === undefined ? undefined : readCredentialPublicKey(key, asked.input.asked?.algorithms);
    if (read && !read.ok) return refuse("inspect:bad-public-key", `credentialPublicKey: ${read.problem}.`);
    return Response.json(await inspectResponse(asked.input, ceremony), { status: 200, headers: HEADERS });
  } catch (error) {
    console.error("inspect: unexpected error", error);
    return refuse(
      "inspect:failed",
      "The inspector could not process this response. Check that it is a PublicKeyCredential as JSON.",
    );
  }
}
