// The authenticator app of a probe user: its secret is kept on the user (set at sign-up), so later steps can make codes.
import { Secret, TOTP } from "otpauth";
import type { ProbeUser } from "../../packages/passkey-test/src/config";

/**
 * The next code the portal will take. It accepts each 30-second step once, and only the current or the next one, so
 * when both are spent this waits for the clock to reach a new step (time itself is the event here).
 */
export async function nextTotpCode(user: ProbeUser): Promise<string> {
  if (typeof user.totpSecret !== "string") throw new Error("this user has no authenticator app: register() sets it up");
  const totp = new TOTP({ secret: Secret.fromBase32(user.totpSecret) });
  for (;;) {
    const now = Date.now();
    const current = totp.counter({ timestamp: now });
    const lastStep = typeof user.totpLastStep === "number" ? user.totpLastStep : 0;
    const step = [current, current + 1].find((candidate) => candidate > lastStep);
    if (step !== undefined) {
      user.totpLastStep = step;
      return totp.generate({ timestamp: step * totp.period * 1000 });
    }
    await new Promise((resolve) => setTimeout(resolve, totp.period * 1000 - (now % (totp.period * 1000)) + 50));
  }
}
