import { eq } from "drizzle-orm";
import { transaction } from "@/lib/db/client";
import { users, type TrustedDevice, type User } from "@/lib/db/schema";
import { fail, ok, type Result } from "@/lib/result";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { recordEvent } from "./audit";
import { recordFailedAttempt } from "./lockout";
import { checkPassword, hashPassword } from "./password";
import { refuseWeakPassword } from "./password-blocklist";

/**
 * Changes the password after checking the current one, and ends every session (security bar D37). A wrong current
 * password counts on this browser's trusted device when it has one, not on the account's lock for everyone else.
 */
export async function changePassword(user: User, current: string, next: string, client: string, device: TrustedDevice | null = null): Promise<Result> {
  if (!user.passwordHash) return fail("password:none", "This account is passwordless: it signs in with passkeys only.");
  const weak = refuseWeakPassword(next, { email: user.email, serviceName: relyingParty.name });
  if (weak) return weak;
  if (!(await checkPassword(user.passwordHash, current))) {
    await recordFailedAttempt(user.id, undefined, undefined, device);
    return fail("password:incorrect", "Your current password is not correct.");
  }
  const passwordHash = await hashPassword(next);
  await transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, sessionsValidAfter: new Date() }).where(eq(users.id, user.id));
    await recordEvent(tx, { userId: user.id, type: "password.changed", client });
  }, { durable: true });
  return ok();
}
