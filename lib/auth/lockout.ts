// Failed password and code attempts per account: after 10 in a row the account is locked with doubling back-off
// (1, 2, 4 … 60 minutes), well under the 100 attempts NIST SP 800-63B-4 §3.2.2 allows. A passkey still signs in.
import { eq, sql } from "drizzle-orm";
import { db, type Db, type Tx } from "@/lib/db/client";
import { users, type User } from "@/lib/db/schema";

const FREE_ATTEMPTS = 10;
const MAX_LOCK_MS = 60 * 60_000;

export function isLocked(user: Pick<User, "lockedUntil">, now = new Date()): boolean {
  return Boolean(user.lockedUntil && user.lockedUntil > now);
}

/**
 * Counts a failure and sets the lock, in one statement. Called with null for an unknown account, it runs the same
 * statement on no row, so an unknown email costs the same as a wrong password (security bar E41).
 */
export async function recordFailedAttempt(userId: string | null, writer: Tx | Db = db, now = Date.now()): Promise<void> {
  const failures = sql`${users.failedAttempts} + 1`;
  const lockMs = sql`min(60000 * (1 << min(${failures} - ${FREE_ATTEMPTS}, 12)), ${MAX_LOCK_MS})`;
  await writer
    .update(users)
    .set({
      failedAttempts: failures,
      lockedUntil: sql`case when ${failures} >= ${FREE_ATTEMPTS} then ${now} + ${lockMs} else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId ?? ""));
}

export async function clearFailedAttempts(userId: string): Promise<void> {
  await db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, userId));
}
