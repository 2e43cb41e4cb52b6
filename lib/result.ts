// Errors are data: every action answers with a Result. `code` is a typed `area:reason`, `message` is for the person,
// `detail` is the exact technical cause (safe to show in the troubleshooting wizard; never a secret). Every code is in
// one registry, lib/errors.ts, with its HTTP status and whether its detail may be shown. What a person reads comes from
// messages `errors` (lib/error-words.ts): English here, in their language once it leaves a server action.
import { sayInEnglish, type ErrorMessageKey, type ErrorWords } from "./error-words";

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

/** `says`: the words of messages `errors` when not the code's own; the action boundary reads it, then drops it. */
export type Failure = { ok: false; code: ErrorCode; message: string; detail?: string; says?: ErrorWords };
export type Result<T = undefined> = { ok: true; data: T } | Failure;

export function ok(): Result<undefined>;
export function ok<T>(data: T): Result<T>;
export function ok<T>(data?: T): Result<T | undefined> {
  return { ok: true, data };
}

type OwnKey<C extends string> = C extends `${infer Area}:${infer Reason}` ? `${Area}.${Reason}` : never;

/** A code's own words, errors.<area>.<reason>: a code without them in messages/en.json fails the type check here. */
function ownWords(code: ErrorCode): ErrorWords {
  const key: ErrorMessageKey = code.replace(":", ".") as OwnKey<ErrorCode>;
  return { key };
}

/** What the failure says to a person: the words its call site chose, else its code's own. */
export const wordsOf = (failure: Pick<Failure, "code" | "says">): ErrorWords => failure.says ?? ownWords(failure.code);

/**
 * A failure a person may read: `says` names a variant of messages `errors` where the call site knows more than the
 * code ("totp.check-clock", or { key, values } for a message with arguments); without it, the code's own words.
 */
export function fail(code: ErrorCode, says?: ErrorMessageKey | ErrorWords, detail?: string): Failure {
  const words = typeof says === "string" ? { key: says } : says;
  const own = ownWords(code);
  const failure: Failure = { ok: false, code, message: sayInEnglish(words ?? own) };
  // Only a variant is carried: the code's own words are what the boundary says anyway.
  if (words && (words.key !== own.key || words.values)) failure.says = words;
  if (detail !== undefined) failure.detail = detail;
  return failure;
}

/**
 * A failure for developers' tools (the FIDO conformance API, the metadata service, the report card): its own precise
 * English, which route handlers answer as it is. Should one reach a person's action, they read the code's own words.
 */
export function failForDevelopers(code: ErrorCode, message: string, detail?: string): Failure {
  return detail === undefined ? { ok: false, code, message } : { ok: false, code, message, detail };
}

/** A failure raised deep in lib/ (to roll back a transaction) and turned back into a Result at the action boundary. */
export class AppError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
  get code(): ErrorCode {
    return this.failure.code;
  }
}

/** Runs work that throws AppError to roll back a transaction, and turns that error into a failure Result. */
export async function catchAppError<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) return error.failure;
    throw error;
  }
}
