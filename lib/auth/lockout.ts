// Failed password and code attempts per account: after 10 in a row the account is locked with doubling back-off
// (1, 2, 4 … 60 minutes), well under the 100 attempts NIST SP 800-63B-4 §3.2.2 allows. A passkey still signs in.
import { eq, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { users, type User } from "@/lib/db/schema";

const FREE_ATTEMPTS = 10;
const MAX_LOCK_MS = 60 * 60_000;

export function isLocked(user: Pick<User, "lockedUntil">, now = new Date()): boolean {
  return Boolean(user.lockedUntil && user.lockedUntil > now);
}

export async function recordFailedAttempt(userId: string, now = Date.now()): Promise<void> {
  const [row] = await db
    .update(users)
    .set({ failedAttempts: sql`${users.failedAttempts} + 1` })
    .where(eq(users.id, userId))
    .returning({ failedAttempts: users.failedAttempts });
  if (!row || row.failedAttempts < FREE_ATTEMPTS) return;
  const lockMs = Math.min(60_000 * 2 ** (row.failedAttempts - FREE_ATTEMPTS), MAX_LOCK_MS);
  await db.update(users).set({ lockedUntil: new Date(now + lockMs) }).where(eq(users.id, userId));
}

export async function clearFailedAttempts(userId: string): Promise<void> {
  await db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, userId));
}
