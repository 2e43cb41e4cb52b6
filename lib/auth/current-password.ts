// The signed-in person's current password, asked again before a factor change (security bar D38): the password
// change and turning on two-factor. A session is no licence to guess it: a locked browser is not even checked, a wrong
// password counts toward this browser's lock (decision 011), and the caller's address is limited like the sign-in form.
import "server-only";
import type { TrustedDevice, User } from "@/lib/db/schema";
import { fail, ok, type Result } from "@/lib/result";
import { isLockedFor, recordFailedAttempt } from "./lockout";
import { checkPassword } from "./password";
import { allow, limits, rateLimited } from "./rate-limit";

export async function verifyCurrentPassword(
  user: Pick<User, "id" | "passwordHash" | "lockedUntil">,
  password: string,
  device: TrustedDevice | null,
  source: string,
): Promise<Result> {
  if (!(await allow(limits.passwordPerClient, source))) return rateLimited();
  if (isLockedFor(user, device)) return fail("rate:limited", "rate.wrong-passwords");
  if (!(await checkPassword(user.passwordHash, password))) {
    await recordFailedAttempt(user.id, undefined, undefined, device);
    return fail("password:incorrect", "password.current-incorrect");
  }
  return ok();
}
