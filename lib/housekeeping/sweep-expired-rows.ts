// Expired rows are deleted while the server runs, not only when it starts (security bar 60, 68): a flood of sign-in
// options, step-ups or live tests leaves rows that expire within minutes, and a server that runs for months would keep
// every one of them, and every report "kept 30 days", forever.
import "server-only";
import { lt } from "drizzle-orm";
import { deleteOldFailedSignIns } from "@/lib/auth/failed-sign-ins";
import { deleteStaleBuckets } from "@/lib/auth/rate-limit";
import { deleteOldBrowserEvents } from "@/lib/browser-events/store";
import { deleteExpiredPasswordResets } from "@/lib/auth/password-reset";
import { deleteExpiredSignUpRequests } from "@/lib/auth/sign-up";
import { deleteExpiredTrustedDevices } from "@/lib/auth/trusted-devices";
import { deleteOldRuns } from "@/lib/conformance/runs/run-store";
import { db } from "@/lib/db/client";
import { deleteOldOutboxMail } from "@/lib/mail/outbox";
import { liveTests, stepUpGrants, users } from "@/lib/db/schema";
import { deleteExpiredReports } from "@/lib/troubleshoot/reports";
import { deleteExpiredChallenges } from "@/lib/webauthn/challenges";

/**
 * One sweep, as of `now`: everything the README promises to keep for a while is gone once that while is over. Each
 * statement deletes by an indexed expiry (or a small table), so a sweep stays cheap however often it runs; every
 * instance may sweep, and sweeping twice deletes nothing more.
 */
export async function sweepExpiredRows(now = Date.now()): Promise<void> {
  const at = new Date(now);
  await deleteExpiredChallenges(now);
  await db.delete(stepUpGrants).where(lt(stepUpGrants.expiresAt, at));
  await db.delete(liveTests).where(lt(liveTests.expiresAt, at));
  await deleteStaleBuckets(now);
  // A lock that has run out no longer locks (lib/auth/lockout.ts isLocked); the failure count stays, so the next lock
  // after a failure still doubles.
  await db.update(users).set({ lockedUntil: null }).where(lt(users.lockedUntil, at));
  await deleteOldFailedSignIns(now);
  await deleteOldBrowserEvents(now);
  await deleteExpiredReports(at);
  await deleteOldRuns(now);
  await deleteExpiredSignUpRequests(now);
  await deleteExpiredPasswordResets(now);
  await deleteOldOutboxMail(now);
  await deleteExpiredTrustedDevices(now);
}
