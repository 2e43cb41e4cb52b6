// What proxy.ts checks before Next.js sees a request that changes state: a server action (from script, with its
// Next-Action header, or a form posted without script, which Next.js recognises by its form content type). Each check
// stands for a request shape Next.js would otherwise answer with a 500, or accept when it must not (security bar B23,
// D34, H66). Nothing here reads the session: every action still checks that itself.
import { readableActionArguments } from "./action-arguments";
import { fail, type ErrorCode } from "./result";
import { readBoundedBody } from "./read-bounded-body";

/** Matches next.config.ts serverActions.bodySizeLimit; Next.js itself would answer a bigger body with a 500. */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

/** Answered by proxy.ts in the one failure shape, with the code's status from lib/errors.ts. */
export type ActionRefusal = { code: Extract<ErrorCode, `request:${string}`>; message: string };

const refuse = (code: ActionRefusal["code"]): ActionRefusal => ({ code, message: fail(code).message });

/** The content types a React client or a browser form posts; Next.js answers any other with a 500 or misreads it. */
const ACTION_CONTENT_TYPES = ["text/plain", "multipart/form-data", "application/x-www-form-urlencoded"] as const;

/** A multipart body's fields, or null when it cannot be read as one. */
async function readMultipart(body: Buffer, contentType: string): Promise<FormData | null> {
  try {
    return await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType } }).formData();
  } catch {
    return null;
  }
}

/** Null when the request may go on to Next.js; otherwise the clean 4xx it gets instead. */
export async function refuseActionRequest(
  request: Request,
  allowedOrigins: readonly string[],
): Promise<ActionRefusal | null> {
  // Server actions change state: they must come from one of our own pages (security bar D34). Every browser sends an
  // Origin with a POST, so a request without one comes from no page at all. Next.js would accept it.
  const origin = request.headers.get("origin");
  // Next.js compares the Origin with X-Forwarded-Host when there is one; a forged one would get its 500.
  const forwardedHost = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (!origin || !allowedOrigins.includes(origin) || (forwardedHost && forwardedHost !== new URL(origin).host)) {
    return refuse("request:cross-site");
  }
  const contentType = request.headers.get("content-type") ?? "";
  const kind = ACTION_CONTENT_TYPES.find((type) => contentType.toLowerCase().startsWith(type));
  if (!kind) return refuse("request:unsupported-type");
  // Refused before anything parses it (security bar B23), whether or not it says its length.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_ACTION_BODY_BYTES) return refuse("request:too-large");
  const body = await readBoundedBody(request.clone().body, MAX_ACTION_BODY_BYTES);
  if (!body) return refuse("request:too-large");
  const malformed = refuse("request:malformed");
  // Arguments Next.js could not decode would get a 500 before any action runs (lib/action-arguments.ts).
  if (kind === "text/plain") {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      return malformed;
    }
    return readableActionArguments(text) ? null : malformed;
  }
  if (kind === "multipart/form-data") {
    const form = await readMultipart(body, contentType);
    if (!form) return malformed;
    // A script-sent action's arguments are the part "0"; a form posted without script has none.
    const root = form.get("0");
    if (root !== null && (typeof root !== "string" || !readableActionArguments(root, { formData: true })))
      return malformed;
  }
  return null;
}
