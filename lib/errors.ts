// Every error code in one place: the HTTP status a route handler (or the proxy) answers it with, a message for a person
// where the caller has no better one, and whether its detail may be shown to whoever asked. Server actions answer a
// Result (lib/result.ts); route handlers answer the same failure shape through failureResponse. The FIDO API alone
// keeps its specification's shape ({"status":"failed","errorMessage":…}: lib/fido-server/handle-fido-request.ts).
import type { ErrorCode, Failure } from "./result";

type ErrorSpec = {
  status: number;
  message: string;
  /**
   * The detail repeats what a caller sent or what a verifier expected: shown only where that tells the caller nothing
   * new about someone else (security bar 62: never to a stranger signing in).
   */
  detailShown: boolean;
};

const spec = (status: number, message: string, detailShown = false): ErrorSpec => ({ status, message, detailShown });

export const ERRORS: Record<ErrorCode, ErrorSpec> = {
  "input:invalid": spec(400, "Some of what was sent could not be read.", true),
  "browser-event:invalid": spec(400, "That is not a browser event this site records.", true),
  "auth:invalid-credentials": spec(401, "User not found or password invalid"),
  "auth:session-required": spec(401, "Sign in first."),
  "auth:email-taken": spec(409, "That email address cannot be used."),
  "auth:pending-expired": spec(410, "That sign-in took too long. Start again."),
  "sign-up:invalid-code": spec(400, "That code is not right."),
  "sign-up:expired": spec(410, "That code has expired. Ask for a new one."),
  "password-reset:invalid-code": spec(400, "That code is not right."),
  "password-reset:expired": spec(410, "That code has expired. Ask for a new one."),
  "totp:invalid-code": spec(400, "That code is not right."),
  "totp:already-enabled": spec(409, "Two-factor authentication is already on."),
  "totp:not-started": spec(409, "Start two-factor set-up first."),
  "totp:required": spec(403, "Turn on two-factor authentication first."),
  "password:incorrect": spec(400, "That password is not right."),
  "password:none": spec(409, "This account has no password."),
  "password:common": spec(400, "That password is too common."),
  "password:context": spec(400, "That password is made of your email or this site's name."),
  "password:trivial": spec(400, "That password is too simple."),
  "step-up:required": spec(403, "Confirm it's you first."),
  "step-up:invalid": spec(400, "That check did not confirm it's you."),
  "step-up:passkey-required": spec(403, "Confirm it's you with a passkey."),
  // The support console is not found by anyone it is not for.
  "support:required": spec(404, "Not found."),
  "support:no-account": spec(404, "No account matches."),
  "report:not-found": spec(404, "No report with this code."),
  "report:not-a-code": spec(400, "This is not a report code."),
  "challenge:invalid": spec(410, "That request expired or was already used. Try again."),
  "passkey:not-verified": spec(400, "That passkey couldn't be verified. Try again, or choose another passkey."),
  "passkey:unknown-credential": spec(404, "That passkey is not registered here."),
  "passkey:uv-missing": spec(400, "Your passkey didn't verify that it's you."),
  "passkey:duplicate": spec(409, "This passkey is already registered."),
  "passkey:not-found": spec(404, "No such passkey."),
  "passkey:last-method": spec(409, "This is your last way to sign in."),
  "passkey:backup-state-changed": spec(400, "That passkey couldn't be verified."),
  "note:not-found": spec(404, "There is no note to open."),
  "rate:limited": spec(429, "Too many attempts. Wait a minute, then try again."),
  "server:unavailable": spec(503, "The server is having trouble. Try again in a moment."),
  "server:unreachable": spec(503, "The server could not be reached. Check your connection and try again."),
  "wallet:bad-amount": spec(400, "That amount is not possible."),
  "wallet:bad-address": spec(400, "That is not a valid address."),
  "wallet:insufficient": spec(409, "The balance is too low."),
  "wallet:passkey-required": spec(403, "Add a passkey first."),
  "wallet:changed": spec(409, "The withdrawal changed after it was confirmed."),
  "wallet:held": spec(409, "Withdrawals are held after a password reset."),
  "fido:off": spec(404, "The FIDO conformance API is turned off."),
  "fido:too-large": spec(413, "The request is too large.", true),
  "fido:bad-request": spec(400, "The request is malformed.", true),
  "fido:unknown-user": spec(400, "No such user.", true),
  "fido:not-verified": spec(400, "Refused.", true),
  // server.mjs answers it for methods no page serves, before Next.js loads; lib/route-methods.ts for route handlers.
  "request:method": spec(405, "This address does not take that method."),
  "request:cross-site": spec(403, "This request did not come from a Passkey Lab page."),
  "request:unsupported-type": spec(415, "This request's content type is not one a Passkey Lab page sends."),
  "request:too-large": spec(413, "This request is too large."),
  "request:malformed": spec(400, "This request could not be read."),
  "inspect:too-large": spec(413, "That is too large to inspect.", true),
  "inspect:bad-json": spec(400, "That is not JSON.", true),
  "inspect:bad-request": spec(400, "That is not something the inspector reads.", true),
  "inspect:unknown-ceremony": spec(400, "That is neither a registration nor a sign-in.", true),
  "inspect:failed": spec(400, "The inspector could not read it.", true),
  "inspect:bad-public-key": spec(400, "That public key is neither SPKI nor a COSE key.", true),
  "site-check:malformed": spec(400, "That is neither a domain nor an origin.", true),
  "site-check:ip-address": spec(400, "An RP ID is a domain name, not an IP address.", true),
  "well-known:not-configured": spec(404, "Not configured here."),
  "conformance:off": spec(404, "The FIDO conformance API is turned off on this server (FIDO_CONFORMANCE_API)."),
  "run:not-found": spec(404, "No run has this id."),
  "run:failed": spec(503, "The run stopped before it finished. Try again."),
  "target:malformed": spec(400, "That is not a URL.", true),
  "target:scheme": spec(400, "Only http and https targets can be run.", true),
  "target:credentials": spec(400, "A target URL cannot carry a user name or password.", true),
  "target:not-allowed": spec(400, "This server runs the suite only against itself.", true),
  "target:unresolvable": spec(400, "That host name does not resolve.", true),
  "target:private-address": spec(400, "That target is on a private or local address.", true),
  "mds:unreachable": spec(503, "The FIDO Metadata Service could not be reached.", true),
  "mds:malformed": spec(400, "That is not an MDS3 metadata BLOB.", true),
  "mds:bad-signature": spec(400, "The metadata BLOB's signature does not verify.", true),
  "mds:untrusted-chain": spec(
    400,
    "The metadata BLOB is not signed by a certificate chain to the trusted root (FIDO's, or the one given with --root).",
    true,
  ),
  "mds:revoked-certificate": spec(400, "A certificate that signs the metadata BLOB is revoked.", true),
  "mds:crl-unavailable": spec(503, "A revocation list for the metadata BLOB's certificates could not be had.", true),
  "mds:expired": spec(400, "The metadata BLOB is past its nextUpdate date.", true),
  "mds:older-number": spec(409, "The metadata BLOB is older than the one already stored.", true),
};

/** The one failure shape of every route handler but the FIDO API: { ok: false, code, message, detail? }. */
export function failureResponse(
  failure: Pick<Failure, "code" | "message" | "detail">,
  headers?: HeadersInit,
): Response {
  const { status, detailShown } = ERRORS[failure.code];
  const body = { ok: false, code: failure.code, message: failure.message || ERRORS[failure.code].message };
  return Response.json(detailShown && failure.detail ? { ...body, detail: failure.detail } : body, { status, headers });
}
