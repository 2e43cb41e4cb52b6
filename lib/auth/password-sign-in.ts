// Password sign-in, then the second factor when the account has one. Every password-path failure looks the same:
// one message, one code, one argon2 verification (security bar E41). A browser that signed in before answers only to
// its own lock, everyone else to the account's (lib/auth/lockout.ts, decision 011); the log says which refused what.
import { and, eq, gt, isNull } from "drizzle-orm";
import { db, transaction } from "@/lib/db/client";
import { challenges } from "@/lib/db/schema";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { AppError, catchAppError, fail, ok, type Result } from "@/lib/result";
import { recordEvent } from "./audit";
import { newSessionId } from "./session-token";
import { grantStepUp } from "./step-up";
import { recordFailedSignIn } from "./failed-sign-ins";
import { clearFailedAttempts, isLockedFor, recordFailedAttempt } from "./lockout";
import { checkPassword } from "./password";
import { recoveryCodeKeys, spendRecoveryCode } from "./recovery-codes";
import { hasTotp, spendTotpCode } from "./totp";
import { findTrustedDevice } from "./trusted-devices";
import { findUserByEmail, getUser } from "./users";

const PENDING_TTL_MS = 5 * 60_000;

export type PasswordStep = { next: "signed-in"; userId: string } | { next: "second-factor"; pendingToken: string };

/**
 * `source`: the caller's address, counted (as a keyed hash) with a failure (lib/auth/failed-sign-ins.ts);
 * `deviceCookie`: the browser's trusted-device cookie, if any (lib/auth/device-cookie.ts).
 */
export async function signInWithPassword(
  email: string,
  password: string,
  client: string,
  source = "unknown",
  deviceCookie?: string,
): Promise<Result<PasswordStep>> {
  const user = await findUserByEmail(email);
  const passwordOk = await checkPassword(user?.passwordHash, password);
  const device = user ? await findTrustedDevice(deviceCookie, user.id) : null;
  const locked = user ? isLockedFor(user, device) : false;
  if (!user || !passwordOk || locked) {
    // The same writes, in one commit, whether or not the account exists (an unknown email is counted on no account).
    // Counted, not logged as an event: anyone who knows the email can fail here (security bar 61). The person sees one
    // answer whatever the cause; the count keeps the truth: a right password refused by the lock is no wrong password.
    const reason = user && passwordOk ? "locked:right-password" : "password";
    await transaction(async (tx) => {
      await recordFailedAttempt(user?.id ?? null, tx, Date.now(), device);
      await recordFailedSignIn(tx, { userId: user?.id ?? null, reason, source });
    });
    return fail("auth:invalid-credentials");
  }
  if (await hasTotp(user.id)) {
    const pendingToken = newToken();
    await db.insert(challenges).values({
      id: newToken(16),
      purpose: "totp-sign-in",
      value: hashToken(pendingToken),
      userId: user.id,
      expiresAt: new Date(Date.now() + PENDING_TTL_MS),
    });
    return ok({ next: "second-factor", pendingToken });
  }
  await clearFailedAttempts(user.id, device);
  await recordEvent(db, { userId: user.id, type: "sign-in.password", client });
  return ok({ next: "signed-in", userId: user.id });
}

/** Second step of a password sign-in: a TOTP code (accepted once) or an unused recovery code. */
export async function completeSecondFactor(
  pendingToken: string,
  code: string,
  kind: "totp" | "recovery-code",
  client: string,
  source = "unknown",
  deviceCookie?: string,
): Promise<Result<{ userId: string; sessionId: string }>> {
  const now = new Date();
  const pending = await db.query.challenges.findFirst({
    where: and(
      eq(challenges.purpose, "totp-sign-in"),
      eq(challenges.value, hashToken(pendingToken)),
      isNull(challenges.consumedAt),
      gt(challenges.expiresAt, now),
    ),
  });
  const user = pending?.userId ? await getUser(pending.userId) : undefined;
  // A sign-in waiting for its code dies with the sessions (security bar D37): a password change, a sign-out or a
  // removal after the password step moves sessions_valid_after past it, and the old password must not finish it.
  if (!pending || !user || pending.createdAt.getTime() <= user.sessionsValidAfter.getTime()) {
    return fail("auth:pending-expired", "auth.sign-in-timed-out");
  }
  const device = await findTrustedDevice(deviceCookie, user.id);
  const locked = isLockedFor(user, device, now);
  const badCode =
    kind === "totp"
      ? fail("totp:invalid-code", "totp.wrong-code")
      : fail("totp:invalid-code", "totp.wrong-recovery-code");
  // argon2 before the transaction, never inside it (lib/auth/recovery-codes.ts).
  const keys = kind === "recovery-code" && !locked ? await recoveryCodeKeys(user.id, code) : null;
  // Claiming the pending sign-in and spending the code commit together: a wrong code leaves the sign-in pending, and
  // the loser of two racing requests spends no code.
  const result = await catchAppError(() =>
    transaction(async (tx) => {
      const [claimed] = await tx
        .update(challenges)
        .set({ consumedAt: now })
        .where(and(eq(challenges.id, pending.id), isNull(challenges.consumedAt)))
        .returning({ id: challenges.id });
      if (!claimed) throw new AppError(fail("auth:pending-expired", "auth.sign-in-completed"));
      // During a lock the code is not even checked, so none is spent.
      const accepted =
        !locked &&
        (kind === "totp"
          ? await spendTotpCode(tx, user.id, code)
          : keys !== null && (await spendRecoveryCode(tx, user.id, keys)));
      if (!accepted) throw new AppError(badCode);
      await recordEvent(tx, {
        userId: user.id,
        type: kind === "totp" ? "sign-in.totp" : "sign-in.recovery-code",
        client,
      });
      // Password + authenticator code: the step-up for one automatic passkey (lib/webauthn/automatic-registration.ts),
      // bound to the session this sign-in starts. A recovery code serves someone without their phone: no upgrade then.
      const sessionId = newSessionId();
      if (kind === "totp" && user.automaticPasskeyUpgrade)
        await grantStepUp(tx, { userId: user.id, sessionId, method: "totp", purpose: "automatic-passkey" });
      return ok({ userId: user.id, sessionId });
    }),
  );
  if (!result.ok) {
    if (result.code === "totp:invalid-code") {
      await recordFailedAttempt(user.id, db, Date.now(), device);
      await recordFailedSignIn(db, { userId: user.id, reason: locked ? "locked" : kind, source });
    }
    return result;
  }
  await clearFailedAttempts(user.id, device);
  return result;
}
