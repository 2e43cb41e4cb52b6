// Withdrawals wait 24 hours after a password reset (lib/auth/password-reset.ts), as exchanges do: whoever reset the
// password, the owner has a day to notice the mail and the signed-out sessions before money can leave. Checked by the
// server when a withdrawal starts and again when it is confirmed; the wallet page only tells.
import type { User } from "@/lib/db/schema";
import { fail, type Failure } from "@/lib/result";

/** Until when withdrawals are held; null when they are not. */
export function withdrawalHoldEnds(user: Pick<User, "withdrawalsHeldUntil">, now = Date.now()): Date | null {
  const until = user.withdrawalsHeldUntil;
  return until && until.getTime() > now ? until : null;
}

/** The refusal while a hold lasts, or null. */
export function refuseWhileHeld(user: Pick<User, "withdrawalsHeldUntil">, now = Date.now()): Failure | null {
  const until = withdrawalHoldEnds(user, now);
  if (!until) return null;
  return fail("wallet:held", { key: "wallet.paused-until", values: { until } }, `held until ${until.toISOString()}`);
}
