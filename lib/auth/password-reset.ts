// "Forgot password?" (OWASP Forgot Password Cheat Sheet; NIST SP 800-63B-4 §4.2 account recovery), in three steps held
// by one row: the code mailed to the address, then the account's second factor (a TOTP code or a recovery code: no
// recovery path skips the second factor, security bar F51), then a new password under the sign-up rules. The first
// step answers the same for every address (security bar H62); a reset ends every session (D37), forgets the trusted
// browsers, lifts the lock the owner may be under, and holds withdrawals for 24 hours, as exchanges do. An account
// without two-factor has nothing to skip: the mailed code alone resets it (docs/decisions/017-password-recovery.md).
import "server-only";
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { db, transaction, type Db, type Tx } from "@/lib/db/client";
import { passwordResets, trustedDevices, users, type PasswordReset } from "@/lib/db/schema";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";
import type { Translator } from "@/lib/i18n/translator";
import type { Mail } from "@/lib/mail/mail";
import { noAccountResetMail, passwordResetCodeMail } from "@/lib/mail/password-reset-mails";
import { AppError, catchAppError, fail, ok, type Failure, type Result } from "@/lib/result";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { recordEvent } from "./audit";
import { recordFailedSignIn } from "./failed-sign-ins";
import { hashPassword } from "./password";
import { refuseWeakPassword } from "./password-blocklist";
import { allow, limits } from "./rate-limit";
import { recoveryCodeKeys, spendRecoveryCode } from "./recovery-codes";
import { hasTotp, spendTotpCode } from "./totp";
import { findUserByEmail, getUser, normaliseEmail } from "./users";

// Out-of-band secrets: short-lived, single use, few tries (NIST SP 800-63B-4 §5.1.3), as for sign-up codes.
export const PASSWORD_RESET_TTL_MS = 15 * 60_000;
/** Wrong codes per step: the mailed code, then the second factor (the count starts again after the mailed code). */
export const PASSWORD_RESET_ATTEMPTS = 5;
/** Withdrawals wait this long after a reset: whoever reset the password cannot empty the wallet before the owner notices. */
export const WITHDRAWAL_HOLD_MS = 24 * 60 * 60_000;

const PASSWORD_RESET_EXPIRED = "password-reset.start-again";

export type ResetStage = PasswordReset["stage"];
export type ResetStarted = { pendingToken: string; mail: Mail | null };

function hashResetCode(requestId: string, code: string): string {
  return createHmac("sha256", env.AUTH_SECRET).update(`password-reset-code:${requestId}:${code}`).digest("base64url");
}

function codeMatches(request: PasswordReset, code: string): boolean {
  const given = Buffer.from(hashResetCode(request.id, code.replace(/\s/g, "")));
  const stored = Buffer.from(request.codeHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/**
 * The first step: the same writes and the same answer for every address. A known address gets a code, an unknown one a
 * note that it has no account; either way the row stores a code hash, for an unknown address of a value never sent.
 * `mail` is null when the address has had its mails for this hour (then no code works, as for sign-up); else in the
 * language of `mailText` (the request's).
 */
export async function startPasswordReset(
  email: string,
  mailText: Translator<"mail">,
  now = Date.now(),
): Promise<ResetStarted> {
  const address = normaliseEmail(email);
  const user = await findUserByEmail(address);
  const id = newToken(16);
  const pendingToken = newToken();
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const mailed = await allow(limits.passwordResetMailPerAddress, hashToken(address), db, now);
  await db.insert(passwordResets).values({
    id,
    tokenHash: hashToken(pendingToken),
    userId: user?.id ?? null,
    codeHash: hashResetCode(id, user && mailed ? code : newToken()),
    expiresAt: new Date(now + PASSWORD_RESET_TTL_MS),
    createdAt: new Date(now),
  });
  if (!mailed) return { pendingToken, mail: null };
  const origin = env.RP_ORIGINS[0];
  const mail = user
    ? passwordResetCodeMail(mailText, address, code, PASSWORD_RESET_TTL_MS / 60_000)
    : noAccountResetMail(mailText, address, origin);
  return { pendingToken, mail };
}

/** Counts one try on the request at `stage` and reads it, in one statement: concurrent guesses cannot pass the limit. */
async function countTry(pendingToken: string, stage: ResetStage, now: number): Promise<PasswordReset | undefined> {
  const [request] = await db
    .update(passwordResets)
    .set({ attempts: sql`${passwordResets.attempts} + 1` })
    .where(
      and(
        eq(passwordResets.tokenHash, hashToken(pendingToken)),
        eq(passwordResets.stage, stage),
        gt(passwordResets.expiresAt, new Date(now)),
        lt(passwordResets.attempts, PASSWORD_RESET_ATTEMPTS),
      ),
    )
    .returning();
  return request;
}

function wrongCode(
  request: PasswordReset,
  key: "password-reset.wrong-mail-code" | "password-reset.wrong-totp" | "password-reset.wrong-recovery-code",
): Failure {
  const left = PASSWORD_RESET_ATTEMPTS - request.attempts;
  if (left === 0) return fail("password-reset:expired", PASSWORD_RESET_EXPIRED);
  return fail("password-reset:invalid-code", { key, values: { left } });
}

/** Moves a request on to `next`, the tries counted afresh; false when another request moved it first. */
async function advance(
  writer: Tx | Db,
  request: PasswordReset,
  next: ResetStage,
  secondFactor?: "totp" | "recovery-code",
) {
  const moved = await writer
    .update(passwordResets)
    .set({ stage: next, attempts: 0, ...(secondFactor ? { secondFactor } : {}) })
    .where(and(eq(passwordResets.id, request.id), eq(passwordResets.stage, request.stage)))
    .returning({ id: passwordResets.id });
  return moved.length === 1;
}

/** The second step: the mailed code. Next comes the second factor, or, on an account without one, the new password. */
export async function checkResetCode(
  pendingToken: string,
  code: string,
  now = Date.now(),
): Promise<Result<{ next: ResetStage }>> {
  const request = await countTry(pendingToken, "code", now);
  if (!request) return fail("password-reset:expired", PASSWORD_RESET_EXPIRED);
  // The HMAC runs for an unknown address too, so a try costs the same either way (security bar E41).
  const matches = codeMatches(request, code);
  if (!request.userId || !matches) return wrongCode(request, "password-reset.wrong-mail-code");
  const next: ResetStage = (await hasTotp(request.userId)) ? "second-factor" : "new-password";
  if (!(await advance(db, request, next))) return fail("password-reset:expired", PASSWORD_RESET_EXPIRED);
  return ok({ next });
}

/** The third step on an account with two-factor: a TOTP code (accepted once) or an unused recovery code, spent here. */
export async function checkResetSecondFactor(
  pendingToken: string,
  code: string,
  kind: "totp" | "recovery-code",
  source: string,
  now = Date.now(),
): Promise<Result<{ next: ResetStage }>> {
  const request = await countTry(pendingToken, "second-factor", now);
  if (!request?.userId) return fail("password-reset:expired", PASSWORD_RESET_EXPIRED);
  const userId = request.userId;
  // argon2 before the transaction, never inside it (lib/auth/recovery-codes.ts).
  const keys = kind === "recovery-code" ? await recoveryCodeKeys(userId, code) : null;
  const accepted = await transaction(async (tx) => {
    const spent =
      kind === "totp" ? await spendTotpCode(tx, userId, code, now) : await spendRecoveryCode(tx, userId, keys!);
    // The code and the step commit together: a code is never spent for a request that did not move on.
    return spent && (await advance(tx, request, "new-password", kind));
  });
  if (accepted) return ok({ next: "new-password" });
  // Support sees these with the account's other failed sign-ins (reasons from the fixed list, never the code).
  await recordFailedSignIn(db, { userId, reason: kind, source });
  return wrongCode(request, kind === "totp" ? "password-reset.wrong-totp" : "password-reset.wrong-recovery-code");
}

export type ResetDone = { userId: string; withdrawalsHeldUntil: Date };

/**
 * The last step: the new password, under the sign-up rules. Setting it, ending every session, forgetting the trusted
 * browsers, lifting the lock, holding withdrawals, logging and deleting every reset request of the account commit
 * together: the request (and any other mailed code) is spent once.
 */
export async function finishPasswordReset(
  pendingToken: string,
  password: string,
  client: string,
  now = Date.now(),
): Promise<Result<ResetDone>> {
  const request = await db.query.passwordResets.findFirst({
    where: and(
      eq(passwordResets.tokenHash, hashToken(pendingToken)),
      eq(passwordResets.stage, "new-password"),
      gt(passwordResets.expiresAt, new Date(now)),
    ),
  });
  const user = request?.userId ? await getUser(request.userId) : undefined;
  if (!request || !user) return fail("password-reset:expired", PASSWORD_RESET_EXPIRED);
  const weak = refuseWeakPassword(password, { email: user.email, serviceName: relyingParty.name });
  if (weak) return weak;
  const passwordHash = await hashPassword(password);
  const at = new Date(now);
  const withdrawalsHeldUntil = new Date(now + WITHDRAWAL_HOLD_MS);
  return catchAppError(() =>
    transaction(
      async (tx) => {
        const claimed = await tx
          .delete(passwordResets)
          .where(eq(passwordResets.id, request.id))
          .returning({ id: passwordResets.id });
        if (claimed.length === 0) throw new AppError(fail("password-reset:expired", PASSWORD_RESET_EXPIRED));
        await tx.delete(passwordResets).where(eq(passwordResets.userId, user.id));
        await tx
          .update(users)
          .set({ passwordHash, sessionsValidAfter: at, failedAttempts: 0, lockedUntil: null, withdrawalsHeldUntil })
          .where(eq(users.id, user.id));
        await tx.delete(trustedDevices).where(eq(trustedDevices.userId, user.id));
        const detail: Record<string, string> = { with: request.secondFactor ?? "email" };
        await recordEvent(tx, { userId: user.id, type: "password.reset", client, detail });
        return ok({ userId: user.id, withdrawalsHeldUntil });
      },
      { durable: true },
    ),
  );
}

/** Requests past their 15 minutes go with the sweeper (lib/housekeeping). */
export async function deleteExpiredPasswordResets(now = Date.now()): Promise<void> {
  await db.delete(passwordResets).where(lt(passwordResets.expiresAt, new Date(now)));
}
