// Errors are data: every action answers with a Result. `code` is a typed `area:reason`, `message` is for the person,
// `detail` is the exact technical cause (safe to show in the troubleshooting wizard; never a secret). Every code is in
// one registry, lib/errors.ts, with its HTTP status and whether its detail may be shown.

export type ErrorCode =
  | "input:invalid"
  | "auth:invalid-credentials"
  | "auth:session-required"
  | "auth:email-taken"
  | "auth:pending-expired"
  | "sign-up:invalid-code"
  | "sign-up:expired"
  // "Forgot password?" (lib/auth/password-reset.ts).
  | "password-reset:invalid-code"
  | "password-reset:expired"
  | "totp:invalid-code"
  | "totp:already-enabled"
  | "totp:not-started"
  | "totp:required"
  | "password:incorrect"
  | "password:none"
  | "password:common"
  | "password:context"
  | "password:trivial"
  | "step-up:required"
  | "step-up:invalid"
  | "step-up:passkey-required"
  // The support console: staff without 2FA, a passkey or a fresh passkey step-up, and everyone else alike.
  | "support:required"
  | "support:no-account"
  | "report:not-found"
  | "report:not-a-code"
  | "challenge:invalid"
  | "passkey:not-verified"
  | "passkey:unknown-credential"
  | "passkey:uv-missing"
  | "passkey:duplicate"
  | "passkey:not-found"
  | "passkey:last-method"
  | "passkey:backup-state-changed"
  // The note only a passkey can open (lib/notes).
  | "note:not-found"
  | "rate:limited"
  | "server:unavailable"
  // Made in the browser when an action's request itself failed (lib/browser/server-unreachable.ts).
  | "server:unreachable"
  | "wallet:bad-amount"
  | "wallet:bad-address"
  | "wallet:insufficient"
  | "wallet:passkey-required"
  | "wallet:changed"
  // Withdrawals wait 24 hours after a password reset (lib/wallet/withdrawal-hold.ts).
  | "wallet:held"
  // The FIDO2 Server Conformance Test API (lib/fido-server): messages are precise, for the test tool's log.
  | "fido:off"
  | "fido:too-large"
  | "fido:bad-request"
  | "fido:unknown-user"
  | "fido:not-verified"
  // Route handlers and the proxy (lib/errors.ts gives each its HTTP status).
  | "request:method"
  | "request:cross-site"
  | "request:unsupported-type"
  | "request:too-large"
  | "request:malformed"
  | "inspect:too-large"
  | "inspect:bad-json"
  | "inspect:bad-request"
  | "inspect:unknown-ceremony"
  | "inspect:failed"
  | "inspect:bad-public-key"
  | "site-check:malformed"
  | "site-check:ip-address"
  | "conformance:off"
  | "well-known:not-configured"
  | "run:not-found"
  | "run:failed"
  | "target:malformed"
  | "target:scheme"
  | "target:credentials"
  | "target:not-allowed"
  | "target:unresolvable"
  | "target:private-address"
  | "browser-event:invalid"
  // The FIDO Metadata Service BLOB (lib/mds): why one was refused, or could not be had.
  | "mds:unreachable"
  | "mds:malformed"
  | "mds:bad-signature"
  | "mds:untrusted-chain"
  | "mds:revoked-certificate"
  | "mds:crl-unavailable"
  | "mds:expired"
  | "mds:older-number";

export type Failure = { ok: false; code: ErrorCode; message: string; detail?: string };
export type Result<T = undefined> = { ok: true; data: T } | Failure;

export function ok(): Result<undefined>;
export function ok<T>(data: T): Result<T>;
export function ok<T>(data?: T): Result<T | undefined> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, detail?: string): Failure {
  return detail === undefined ? { ok: false, code, message } : { ok: false, code, message, detail };
}

/** A failure raised deep in lib/ and turned back into a Result at the action boundary. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
  toResult(): Failure {
    return fail(this.code, this.message, this.detail);
  }
}

/** Runs work that throws AppError to roll back a transaction, and turns that error into a failure Result. */
export async function catchAppError<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) return error.toResult();
    throw error;
  }
}
