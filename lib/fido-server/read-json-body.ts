import { fail, ok, type Result } from "@/lib/result";
import { MAX_BODY_BYTES } from "./conformance-relying-party";

const tooLarge = (limit: number) => fail("fido:too-large", `The request body is larger than ${limit} bytes.`);

/**
 * The request body as JSON, read at most `limit` bytes far: a larger body is refused before any parsing, whether its
 * Content-Length says so or it only turns out so while streaming (security bar B23).
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<Result<unknown>> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return tooLarge(limit);
  if (!request.body) return fail("fido:bad-request", "The request has no body: send a JSON object.");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return tooLarge(limit);
    }
    chunks.push(value);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return fail("fido:bad-request", "The request body is not valid UTF-8.");
  }
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return fail("fido:bad-request", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}
