// Step-up: a fresh second check inside this session (a TOTP code, or a passkey with user verification) grants one
// sensitive action within 5 minutes: adding or removing a passkey, removing the password (security bar C30, D38).
// Each grant is for the purpose the person was asked to confirm, and only an action of that purpose spends it
// (OWASP ASVS 5.0: re-authentication before each sensitive operation): a grant asked for adding a passkey left unspent
// cannot remove the password. The support console's grant is held, not spent, for its visit (docs/decisions/013).
// A step-up raises what the session may do, so it also starts a new session (security bar D36): the grant belongs to
// the new session id, and a copy of the cookie from before the step-up cannot spend it.
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { db, transaction, type Tx } from "@/lib/db/client";
import { stepUpGrants, type StepUpPurpose, type TrustedDevice, type User } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import type { ErrorMessageKey } from "@/lib/error-words";
import { fail, ok, type Result } from "@/lib/result";
import { recordEvent } from "./audit";
import { newSessionId } from "./session-token";
import { isLockedFor, recordFailedAttempt } from "./lockout";
import { recoveryCodeKeys, spendRecoveryCode } from "./recovery-codes";
import { spendTotpCode } from "./totp";

export const STEP_UP_TTL_MS = 5 * 60_000;
/** A support console visit: long enough for a call with the person, short enough that a left-open console closes. */
export const SUPPORT_CONSOLE_TTL_MS = 15 * 60_000;

export type StepUpMethod = "totp" | "passkey" | "recovery-code";
export type Grant = { userId: string; sessionId: string; method: StepUpMethod; purpose: StepUpPurpose };

/** Purposes a TOTP code cannot grant: the support console needs a user-verified passkey (docs/decisions/013). */
export const PASSKEY_ONLY_PURPOSES: readonly StepUpPurpose[] = ["support-console"];

export async function grantStepUp(writer: Tx | typeof db, grant: Grant): Promise<void> {
  const ttl = grant.purpose === "support-console" ? SUPPORT_CONSOLE_TTL_MS : STEP_UP_TTL_MS;
  await writer.insert(stepUpGrants).values({ id: newToken(16), ...grant, expiresAt: new Date(Date.now() + ttl) });
}

function validGrant(userId: string, sessionId: string, purpose: StepUpPurpose, now: Date) {
  return and(
    eq(stepUpGrants.userId, userId),
    eq(stepUpGrants.sessionId, sessionId),
    eq(stepUpGrants.purpose, purpose),
    isNull(stepUpGrants.consumedAt),
    gt(stepUpGrants.expiresAt, now),
  );
}

/** When this session's unspent step-up grant for `purpose` expires; null when there is none. */
export async function stepUpExpiry(
  userId: string,
  sessionId: string,
  purpose: StepUpPurpose,
  method?: StepUpMethod,
): Promise<Date | null> {
  const grant = await db.query.stepUpGrants.findFirst({
    where: and(
      validGrant(userId, sessionId, purpose, new Date()),
      method ? eq(stepUpGrants.method, method) : undefined,
    ),
    orderBy: [asc(stepUpGrants.expiresAt)],
  });
  return grant?.expiresAt ?? null;
}

/** Spends one grant of this session for `purpose`; false when there is none. Call inside the action's own transaction. */
export async function spendStepUpGrant(
  tx: Tx,
  userId: string,
  sessionId: string,
  purpose: StepUpPurpose,
): Promise<boolean> {
  const now = new Date();
  const grant = await tx.query.stepUpGrants.findFirst({
    where: validGrant(userId, sessionId, purpose, now),
    orderBy: [asc(stepUpGrants.expiresAt)],
  });
  if (!grant) return false;
  const spent = await tx
    .update(stepUpGrants)
    .set({ consumedAt: now })
    .where(and(eq(stepUpGrants.id, grant.id), isNull(stepUpGrants.consumedAt)))
    .returning({ id: stepUpGrants.id });
  return spent.length === 1;
}

/** The session a successful step-up starts; the caller sets its cookie (lib/auth/session.ts startSession). */
export type SteppedUp = { sessionId: string };

/** The codes a step-up accepts besides a passkey: the authenticator app's, or a recovery code (spent by it). */
export type StepUpCode = "totp" | "recovery-code";

const wrongCode: Record<StepUpCode, ErrorMessageKey> = {
  totp: "totp.wrong-code",
  "recovery-code": "totp.wrong-recovery-code",
};

/**
 * `device`: this browser's trusted device (every sign-in makes one). Its own lock governs, not the account's, so the
 * signed-in owner can still step up (and add a passkey) while strangers keep the account locked for new browsers;
 * a locked device guesses no codes here either. A passkey always steps up. A recovery code serves someone who lost
 * their phone, so they can still add a passkey; it is used up, and logged.
 */
export async function stepUpWithCode(
  kind: StepUpCode,
  user: Pick<User, "id" | "lockedUntil">,
  code: string,
  purpose: StepUpPurpose,
  client: string,
  device: TrustedDevice | null = null,
): Promise<Result<SteppedUp>> {
  if (PASSKEY_ONLY_PURPOSES.includes(purpose)) {
    return fail("step-up:passkey-required", "step-up.code-not-enough");
  }
  const locked = isLockedFor(user, device);
  // argon2 before the transaction, never inside it (lib/auth/recovery-codes.ts).
  const keys = kind === "recovery-code" && !locked ? await recoveryCodeKeys(user.id, code) : null;
  const sessionId = newSessionId();
  // Spending the code, the grant and the log entry commit together.
  const granted =
    !locked &&
    (await transaction(async (tx) => {
      const spent =
        kind === "totp"
          ? await spendTotpCode(tx, user.id, code)
          : keys !== null && (await spendRecoveryCode(tx, user.id, keys));
      if (!spent) return false;
      await grantStepUp(tx, { userId: user.id, sessionId, method: kind, purpose });
      await recordEvent(tx, {
        userId: user.id,
        type: kind === "totp" ? "step-up.totp" : "step-up.recovery-code",
        client,
        detail: { purpose },
      });
      return true;
    }));
  if (!granted) {
    await recordFailedAttempt(user.id, db, Date.now(), device);
    await recordEvent(db, { userId: user.id, type: "step-up.failed", client, detail: { reason: kind } });
    return fail("step-up:invalid", wrongCode[kind]);
  }
  return ok({ sessionId });
}

export const stepUpWithTotp = (
  ...args: Parameters<typeof stepUpWithCode> extends [StepUpCode, ...infer Rest] ? Rest : never
) => stepUpWithCode("totp", ...args);
