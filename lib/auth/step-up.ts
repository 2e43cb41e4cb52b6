// Step-up: a fresh second check inside this session (a TOTP code, or a passkey with user verification) grants one
// sensitive action within 5 minutes: adding or removing a passkey, removing the password (security bar C30, D38).
// A step-up raises what the session may do, so it also starts a new session (security bar D36): the grant belongs to
// the new session id, and a copy of the cookie from before the step-up cannot spend it.
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { db, type Tx } from "@/lib/db/client";
import { stepUpGrants, type User } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { fail, ok, type Result } from "@/lib/result";
import { recordEvent } from "./audit";
import { newSessionId } from "./session-token";
import { isLockedFor, recordFailedAttempt } from "./lockout";
import type { TrustedDevice } from "@/lib/db/schema";
import { spendTotpCode } from "./totp";

export const STEP_UP_TTL_MS = 5 * 60_000;

export async function grantStepUp(
  writer: Tx | typeof db,
  grant: { userId: string; sessionId: string; method: "totp" | "passkey" },
): Promise<void> {
  await writer.insert(stepUpGrants).values({ id: newToken(16), ...grant, expiresAt: new Date(Date.now() + STEP_UP_TTL_MS) });
}

function validGrant(userId: string, sessionId: string, now: Date) {
  return and(
    eq(stepUpGrants.userId, userId),
    eq(stepUpGrants.sessionId, sessionId),
    isNull(stepUpGrants.consumedAt),
    gt(stepUpGrants.expiresAt, now),
  );
}

/** When the unspent step-up grant of this session expires; null when there is none. */
export async function stepUpExpiry(userId: string, sessionId: string): Promise<Date | null> {
  const grant = await db.query.stepUpGrants.findFirst({
    where: validGrant(userId, sessionId, new Date()),
    orderBy: [asc(stepUpGrants.expiresAt)],
  });
  return grant?.expiresAt ?? null;
}

/** Spends one grant of this session; false when there is none left. Call inside the action's own transaction. */
export async function spendStepUpGrant(tx: Tx, userId: string, sessionId: string): Promise<boolean> {
  const now = new Date();
  const grant = await tx.query.stepUpGrants.findFirst({
    where: validGrant(userId, sessionId, now),
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

/**
 * `device`: this browser's trusted device (every sign-in makes one). Its own lock governs, not the account's, so the
 * signed-in owner can still step up (and add a passkey) while strangers keep the account locked for new browsers;
 * a locked device guesses no codes here either. A passkey always steps up.
 */
export async function stepUpWithTotp(
  user: Pick<User, "id" | "lockedUntil">,
  code: string,
  client: string,
  device: TrustedDevice | null = null,
): Promise<Result<SteppedUp>> {
  if (isLockedFor(user, device) || !(await spendTotpCode(db, user.id, code))) {
    await recordFailedAttempt(user.id, db, Date.now(), device);
    await recordEvent(db, { userId: user.id, type: "step-up.failed", client, detail: { reason: "totp" } });
    return fail("step-up:invalid", "That code didn't work. Use the newest code from your authenticator app; each code works once.");
  }
  const sessionId = newSessionId();
  await grantStepUp(db, { userId: user.id, sessionId, method: "totp" });
  await recordEvent(db, { userId: user.id, type: "step-up.totp", client });
  return ok({ sessionId });
}
