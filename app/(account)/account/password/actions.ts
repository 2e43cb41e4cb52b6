"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseInput, withSession } from "@/lib/auth/action-guard";
import { readDeviceCookie } from "@/lib/auth/device-cookie";
import { changePassword } from "@/lib/auth/password-change";
import { findTrustedDevice } from "@/lib/auth/trusted-devices";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { startSession } from "@/lib/auth/session";
import { removePassword } from "@/lib/auth/sign-in-methods";
import { requestSource } from "@/lib/request-client";

const changeSchema = z.object({
  current: z.string().max(1024),
  next: z.string().min(PASSWORD_MIN_LENGTH, "input.too-short").max(PASSWORD_MAX_LENGTH, "input.too-long"),
});

/** Old sessions die with the old password; this browser gets a fresh one. */
export async function changePasswordAction(current: unknown, next: unknown) {
  return withSession(async ({ user }, client) => {
    const input = parseInput(changeSchema, { current, next });
    if (!input.ok) return input;
    const device = await findTrustedDevice(await readDeviceCookie(), user.id);
    const result = await changePassword(user, input.data.current, input.data.next, {
      client,
      source: await requestSource(),
      device,
    });
    if (result.ok) await startSession(user.id);
    return result;
  });
}

/** Goes passwordless (step-up required; refused without a passkey). */
export async function removePasswordAction() {
  return withSession(async ({ user, sessionId }, client) => {
    const result = await removePassword({ userId: user.id, sessionId, client });
    if (!result.ok) return result;
    await startSession(user.id);
    revalidatePath("/account");
    return result;
  });
}
