// Every error code in one place: the HTTP status a route handler (or the proxy) answers it with, and whether its detail
// may be shown to whoever asked. Its words for a person are messages `errors.<area>.<reason>` (lib/result.ts fail). Server actions answer a
// Result (lib/result.ts); route handlers answer the same failure shape through failureResponse. The FIDO API alone
// keeps its specification's shape ({"status":"failed","errorMessage":…}: lib/fido-server/handle-fido-request.ts).
import { fail, type ErrorCode, type Failure } from "./result";

type ErrorSpec = {
  status: number;
  /**
   * The detail repeats what a caller sent or what a verifier expected: shown only where that tells the caller nothing
   * new about someone else (security bar 62: never to a stranger signing in).
   */
  detailShown: boolean;
};

const spec = (status: number, detailShown = false): ErrorSpec => ({ status, detailShown });

export const ERRORS: Record<ErrorCode, ErrorSpec> = {
  "input:invalid": spec(400, true),
  "browser-event:invalid": spec(400, true),
  "auth:invalid-credentials": spec(401),
  "auth:session-required": spec(401),
  "auth:email-taken": spec(409),
  "auth:pending-expired": spec(410),
  "sign-up:invalid-code": spec(400),
  "sign-up:expired": spec(410),
  "password-reset:invalid-code": spec(400),
  "password-reset:expired": spec(410),
  "totp:invalid-code": spec(400),
  "totp:already-enabled": spec(409),
  "totp:not-started": spec(409),
  "totp:required": spec(403),
  "password:incorrect": spec(400),
  "password:none": spec(409),
  "password:common": spec(400),
  "password:context": spec(400),
  "password:trivial": spec(400),
  "step-up:required": spec(403),
  "step-up:invalid": spec(400),
  "step-up:passkey-required": spec(403),
  // The support console is not found by anyone it is not for.
  "support:required": spec(404),
  "support:no-account": spec(404),
  "report:not-found": spec(404),
  "report:not-a-code": spec(400),
  "challenge:invalid": spec(410),
  "passkey:not-verified": spec(400),
  "passkey:unknown-credential": spec(404),
  "passkey:uv-missing": spec(400),
  "passkey:duplicate": spec(409),
  "passkey:not-found": spec(404),
  "passkey:last-method": spec(409),
  "passkey:backup-state-changed": spec(400),
  "note:not-found": spec(404),
  "rate:limited": spec(429),
  "server:unavailable": spec(503),
  "server:unreachable": spec(503),
  "wallet:bad-amount": spec(400),
  "wallet:bad-address": spec(400),
  "wallet:insufficient": spec(409),
  "wallet:passkey-required": spec(403),
  "wallet:changed": spec(409),
  "wallet:held": spec(409),
  "fido:off": spec(404),
  "fido:too-large": spec(413, true),
  "fido:bad-request": spec(400, true),
  "fido:unknown-user": spec(400, true),
  "fido:not-verified": spec(400, true),
  // server.mjs answers it for methods no page serves, before Next.js loads; lib/route-methods.ts for route handlers.
  "request:method": spec(405),
  "request:cross-site": spec(403),
  "request:unsupported-type": spec(415),
  "request:too-large": spec(413),
  "request:malformed": spec(400),
  "inspect:too-large": spec(413, true),
  "inspect:bad-json": spec(400, true),
  "inspect:bad-request": spec(400, true),
  "inspect:unknown-ceremony": spec(400, true),
  "inspect:failed": spec(400, true),
  "inspect:bad-public-key": spec(400, true),
  "site-check:malformed": spec(400, true),
  "site-check:ip-address": spec(400, true),
  "well-known:not-configured": spec(404),
  "conformance:off": spec(404),
  "run:not-found": spec(404),
  "run:failed": spec(503),
  "target:malformed": spec(400, true),
  "target:scheme": spec(400, true),
  "target:credentials": spec(400, true),
  "target:not-allowed": spec(400, true),
  "target:unresolvable": spec(400, true),
  "target:private-address": spec(400, true),
  "mds:unreachable": spec(503, true),
  "mds:malformed": spec(400, true),
  "mds:bad-signature": spec(400, true),
  "mds:untrusted-chain": spec(400, true),
  "mds:revoked-certificate": spec(400, true),
  "mds:crl-unavailable": spec(503, true),
  "mds:expired": spec(400, true),
  "mds:older-number": spec(409, true),
};

/** The one failure shape of every route handler but the FIDO API: { ok: false, code, message, detail? }. */
export function failureResponse(
  failure: Pick<Failure, "code" | "message" | "detail">,
  headers?: HeadersInit,
): Response {
  const { status, detailShown } = ERRORS[failure.code];
  const body = { ok: false, code: failure.code, message: failure.message || fail(failure.code).message };
  return Response.json(detailShown && failure.detail ? { ...body, detail: failure.detail } : body, { status, headers });
}
