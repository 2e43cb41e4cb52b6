"use server";

import { z } from "zod";
import { parseInput, withSession } from "@/lib/auth/action-guard";
import { recordEvent } from "@/lib/auth/audit";
import { readDeviceCookie } from "@/lib/auth/device-cookie";
import { verifyCurrentPassword } from "@/lib/auth/current-password";
import { findTrustedDevice } from "@/lib/auth/trusted-devices";
import { replaceRecoveryCodes } from "@/lib/auth/replace-recovery-codes";
import { confirmTotpSetup, startTotpSetup } from "@/lib/auth/totp";
import { db } from "@/lib/db/client";
import { requestSource } from "@/lib/request-client";
import { fail, ok } from "@/lib/result";

export async function startTotpSetupAction() {
  return withSession(async ({ user }) => {
    const setup = await startTotpSetup(user.id, user.email);
    if (setup === "already-enabled") return fail("totp:already-enabled");
    return ok(setup);
  });
}

const confirmSchema = z.object({
  code: z.string().min(1, "input.enter-app-code").max(16),
  password: z.string().max(1024),
});

// No revalidatePath: re-rendering this page now would unmount the recovery codes before the person saves them.
/** Turning 2FA on is a factor change: it needs the current password as well as a code from the new app (security bar D38). */
export async function confirmTotpSetupAction(code: unknown, password: unknown) {
  return withSession(async ({ user }, client) => {
    const input = parseInput(confirmSchema, { code, password });
    if (!input.ok) return input;
    const device = await findTrustedDevice(await readDeviceCookie(), user.id);
    const verified = await verifyCurrentPassword(user, input.data.password, device, await requestSource());
    if (!verified.ok) return verified;
    const recoveryCodes = await confirmTotpSetup(user.id, input.data.code);
    if (!recoveryCodes) return fail("totp:invalid-code", "totp.check-clock");
    await recordEvent(db, { userId: user.id, type: "totp.enabled", client });
    return ok({ recoveryCodes });
  });
}

/** New recovery codes after a step-up; the old ones stop working. */
export async function replaceRecoveryCodesAction() {
  return withSession(async ({ user, sessionId }, client) =>
    replaceRecoveryCodes({ userId: user.id, sessionId, client }),
  );
}
