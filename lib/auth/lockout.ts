// Failed password and code attempts: after 10 in a row the lock holds with doubling back-off (1, 2, 4 … 60 minutes),
// well under the 100 attempts NIST SP 800-63B-4 §3.2.2 allows. A passkey still signs in. Two kinds of lock (OWASP
// device cookies, decision 011): browsers that signed in before (trusted devices) each count and lock on their own;
// everyone else shares the account's lock. Attempts during a lock are refused without counting, so a lock ends when
// it says it does however often a stranger knocks.
import { and, eq, isNull, lte, or, sql, type Column } from "drizzle-orm";
import { db, type Db, type Tx } from "@/lib/db/client";
import { trustedDevices, users, type TrustedDevice, type User } from "@/lib/db/schema";

const FREE_ATTEMPTS = 10;
const MAX_LOCK_MS = 60 * 60_000;

export function isLocked(holder: Pick<User, "lockedUntil">, now = new Date()): boolean {
  return Boolean(holder.lockedUntil && holder.lockedUntil > now);
}

/** Whether this attempt is refused: a trusted device answers only to its own lock, anyone else to the account's. */
export function isLockedFor(user: Pick<User, "lockedUntil">, device: TrustedDevice | null, now = new Date()): boolean {
  return isLocked(device ?? user, now);
}

type Counter = { failedAttempts: Column; lockedUntil: Column };

function countFailure(counter: Counter, now: number) {
  const failures = sql`${counter.failedAttempts} + 1`;
  const lockMs = sql`min(60000 * (1 << min(${failures} - ${FREE_ATTEMPTS}, 12)), ${MAX_LOCK_MS})`;
  return {
    set: {
      failedAttempts: failures,
      lockedUntil: sql`case when ${failures} >= ${FREE_ATTEMPTS} then ${now} + ${lockMs} else ${counter.lockedUntil} end`,
    },
    // Not during a lock: no re-arming.
    open: or(isNull(counter.lockedUntil), lte(counter.lockedUntil, new Date(now))),
  };
}

/**
 * Counts a failure on the device when the attempt came from a trusted one, else on the account, in one statement.
 * Called with null for an unknown account, it runs the same statement on no row, so an unknown email costs the same as
 * a wrong password (security bar E41).
 */
export async function recordFailedAttempt(
  userId: string | null,
  writer: Tx | Db = db,
  now = Date.now(),
  device: Pick<TrustedDevice, "id"> | null = null,
): Promise<void> {
  if (device) {
    const { set, open } = countFailure(trustedDevices, now);
    await writer
      .update(trustedDevices)
      .set(set)
      .where(and(eq(trustedDevices.id, device.id), open));
    return;
  }
  const { set, open } = countFailure(users, now);
  await writer
    .update(users)
    .set(set)
    .where(and(eq(users.id, userId ?? ""), open));
}

/** After a success: the trusted device's count, or the account's when the attempt came from elsewhere. */
export async function clearFailedAttempts(
  userId: string,
  device: Pick<TrustedDevice, "id"> | null = null,
): Promise<void> {
  if (device) {
    await db
      .update(trustedDevices)
      .set({ failedAttempts: 0, lockedUntil: null })
      .where(eq(trustedDevices.id, device.id));
    return;
  }
  await db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, userId));
}
