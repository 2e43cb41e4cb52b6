import { failForDevelopers, ok, type Result } from "@/lib/result";
import { readBoundedBody } from "@/lib/read-bounded-body";
import { MAX_BODY_BYTES } from "./conformance-relying-party";

const tooLarge = (limit: number) =>
  failForDevelopers("fido:too-large", `The request body is larger than ${limit} bytes.`);

/**
 * The request body as JSON, read at most `limit` bytes far: a larger body is refused before any parsing, whether its
 * Content-Length says so or it only turns out so while streaming (security bar B23).
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<Result<unknown>> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return tooLarge(limit);
  if (!request.body) return failForDevelopers("fido:bad-request", "The request has no body: send a JSON object.");
  const body = await readBoundedBody(request.body, limit);
  if (!body) return tooLarge(limit);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return failForDevelopers("fido:bad-request", "The request body is not valid UTF-8.");
  }
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return failForDevelopers("fido:bad-request", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}
