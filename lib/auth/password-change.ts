import { eq } from "drizzle-orm";
import { transaction } from "@/lib/db/client";
import { trustedDevices, users, type TrustedDevice, type User } from "@/lib/db/schema";
import { fail, ok, type Result } from "@/lib/result";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { recordEvent } from "./audit";
import { verifyCurrentPassword } from "./current-password";
import { hashPassword } from "./password";
import { refuseWeakPassword } from "./password-blocklist";

/**
 * Changes the password after checking the current one (lib/auth/current-password.ts), and ends every session
 * (security bar D37). The account's trusted browsers are forgotten too: each carried its own budget of tries and its
 * own exemption from the lock, which someone who knew the old password must not keep.
 */
export async function changePassword(
  user: User,
  current: string,
  next: string,
  { client, source, device = null }: { client: string; source: string; device?: TrustedDevice | null },
): Promise<Result> {
  if (!user.passwordHash) return fail("password:none", "password.passwordless");
  const weak = refuseWeakPassword(next, { email: user.email, serviceName: relyingParty.name });
  if (weak) return weak;
  const verified = await verifyCurrentPassword(user, current, device, source);
  if (!verified.ok) return verified;
  const passwordHash = await hashPassword(next);
  await transaction(
    async (tx) => {
      await tx.update(users).set({ passwordHash, sessionsValidAfter: new Date() }).where(eq(users.id, user.id));
      await tx.delete(trustedDevices).where(eq(trustedDevices.userId, user.id));
      await recordEvent(tx, { userId: user.id, type: "password.changed", client });
    },
    { durable: true },
  );
  return ok();
}
