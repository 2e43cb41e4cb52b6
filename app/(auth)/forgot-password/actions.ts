"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { answerSafely, parseInput } from "@/lib/auth/action-guard";
import {
  checkResetCode,
  checkResetSecondFactor,
  finishPasswordReset,
  startPasswordReset,
  type ResetStage,
} from "@/lib/auth/password-reset";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { allow, EVERYONE, limits, rateLimited, serverBusy } from "@/lib/auth/rate-limit";
import { startSession } from "@/lib/auth/session";
import { sendMail } from "@/lib/mail/send-mail";
import { requestClient, requestSource } from "@/lib/request-client";
import { ok, type Result } from "@/lib/result";

// "Forgot password?" in four steps (lib/auth/password-reset.ts): the email, the mailed code, the second factor when the
// account has one, a new password. The first answers the same for every address; the rest need the token it returns.

const pendingToken = z.string().min(1).max(100);

export async function startPasswordResetAction(email: unknown): Promise<Result<{ pendingToken: string }>> {
  return answerSafely(async () => {
    if (!(await allow(limits.passwordResetPerClient, await requestSource()))) return rateLimited();
    if (!(await allow(limits.passwordResetOverall, EVERYONE))) return serverBusy();
    const input = parseInput(z.email("input.valid-email").max(254), typeof email === "string" ? email.trim() : email);
    if (!input.ok) return input;
    const started = await startPasswordReset(input.data, await getTranslations("mail"));
    if (started.mail) await sendMail(started.mail);
    return ok({ pendingToken: started.pendingToken });
  });
}

async function codeStep<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  return answerSafely(async () => {
    if (!(await allow(limits.passwordResetCodePerClient, await requestSource()))) return rateLimited();
    return work();
  });
}

export async function checkResetCodeAction(token: unknown, code: unknown): Promise<Result<{ next: ResetStage }>> {
  return codeStep(async () => {
    const input = parseInput(
      z.object({ token: pendingToken, code: z.string().trim().min(1, "input.enter-mail-code").max(32) }),
      { token, code },
    );
    if (!input.ok) return input;
    return checkResetCode(input.data.token, input.data.code);
  });
}

export async function checkResetSecondFactorAction(
  token: unknown,
  code: unknown,
  kind: unknown,
): Promise<Result<{ next: ResetStage }>> {
  return codeStep(async () => {
    const schema = z.object({
      token: pendingToken,
      code: z.string().trim().min(1, "input.enter-code").max(32),
      kind: z.enum(["totp", "recovery-code"]),
    });
    const input = parseInput(schema, { token, code, kind });
    if (!input.ok) return input;
    return checkResetSecondFactor(input.data.token, input.data.code, input.data.kind, await requestSource());
  });
}

/** Sets the password, ends every other session and signs this browser in; answers when withdrawals open again. */
export async function finishPasswordResetAction(
  token: unknown,
  password: unknown,
): Promise<Result<{ withdrawalsHeldUntil: string }>> {
  return codeStep(async () => {
    const newPassword = z
      .string()
      .min(PASSWORD_MIN_LENGTH, "input.too-short")
      .max(PASSWORD_MAX_LENGTH, "input.too-long");
    const input = parseInput(z.object({ token: pendingToken, password: newPassword }), { token, password });
    // The password is never sent back, not even in zod's detail.
    if (!input.ok) return { ok: false, code: input.code, message: input.message };
    const result = await finishPasswordReset(input.data.token, input.data.password, await requestClient());
    if (!result.ok) return result;
    await startSession(result.data.userId);
    return ok({ withdrawalsHeldUntil: result.data.withdrawalsHeldUntil.toISOString() });
  });
}
