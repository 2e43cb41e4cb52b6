"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { parseInput, withSession } from "@/lib/auth/action-guard";
import { recordEvent } from "@/lib/auth/audit";
import { allow, limits, rateLimited } from "@/lib/auth/rate-limit";
import { removePasskey } from "@/lib/auth/sign-in-methods";
import { stepUpWithCode, type StepUpCode, type SteppedUp } from "@/lib/auth/step-up";
import { readDeviceCookie } from "@/lib/auth/device-cookie";
import { findTrustedDevice } from "@/lib/auth/trusted-devices";
import { currentSession, endSession, startSession } from "@/lib/auth/session";
import { SIGNED_OUT_COOKIE, SIGNED_OUT_COOKIE_MAX_AGE_S, SIGNED_OUT_COOKIE_PATH } from "@/lib/auth/signed-out-flash";
import { endAllSessions } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { stepUpPurposes } from "@/lib/db/schema";
import { requestClient, requestSource } from "@/lib/request-client";
import { ok, type Result } from "@/lib/result";
import { finishPasskeyStepUp, startPasskeyStepUp } from "@/lib/webauthn/authentication";
import { renamePasskey } from "@/lib/webauthn/passkeys";
import { finishRegistration, passkeyLocations, startRegistration } from "@/lib/webauthn/registration";
import { unnamedPasskeyWords } from "@/lib/webauthn/passkey-words";

const id = z.string().min(1).max(1400);
const ceremony = z.string().min(1).max(100);
/**
 * The change a step-up is asked for; its grant can be spent on nothing else (lib/auth/step-up.ts). An automatic passkey's
 * grant comes only from a password + authenticator-code sign-in, never from a step-up.
 */
const purpose = z
  .enum(stepUpPurposes)
  .exclude(["automatic-passkey"], { message: "Say what the identity check is for." });

/** Signing out ends every session of the account: per-user valid-after (security bar D37). */
export async function signOutAction(): Promise<void> {
  const session = await currentSession();
  if (session) {
    await endAllSessions(session.user.id);
    await recordEvent(db, { userId: session.user.id, type: "sign-out", client: await requestClient() });
  }
  await endSession();
  // A fixed flag the sign-in page turns into "You're signed out" (lib/auth/signed-out-flash.ts).
  (await cookies()).set(SIGNED_OUT_COOKIE, "1", {
    path: SIGNED_OUT_COOKIE_PATH,
    maxAge: SIGNED_OUT_COOKIE_MAX_AGE_S,
    sameSite: "lax",
  });
  redirect("/sign-in");
}

export async function stepUpWithTotpAction(code: unknown, forPurpose: unknown): Promise<Result> {
  return stepUpByCode("totp", code, forPurpose);
}

/** The step-up for someone without their authenticator app: one of their recovery codes, spent by it. */
export async function stepUpWithRecoveryCodeAction(code: unknown, forPurpose: unknown): Promise<Result> {
  return stepUpByCode("recovery-code", code, forPurpose);
}

async function stepUpByCode(kind: StepUpCode, code: unknown, forPurpose: unknown): Promise<Result> {
  return withSession(async ({ user }, client) => {
    if (!(await allow(limits.totpStepUpPerClient, await requestSource()))) return rateLimited();
    const input = parseInput(z.object({ code: z.string().trim().min(1, "input.enter-code").max(32), purpose }), {
      code,
      purpose: forPurpose,
    });
    if (!input.ok) return input;
    const device = await findTrustedDevice(await readDeviceCookie(), user.id);
    return continueSteppedUp(
      user.id,
      await stepUpWithCode(kind, user, input.data.code, input.data.purpose, client, device),
    );
  });
}

/** A step-up starts a new session (security bar D36); the session id itself never goes back to the browser's script. */
async function continueSteppedUp(userId: string, result: Result<SteppedUp>): Promise<Result> {
  if (!result.ok) return result;
  await startSession(userId, result.data.sessionId);
  return ok();
}

export async function startPasskeyStepUpAction() {
  return withSession(({ user, sessionId }) => startPasskeyStepUp(user, sessionId));
}

export async function finishPasskeyStepUpAction(
  ceremonyId: unknown,
  response: unknown,
  forPurpose: unknown,
): Promise<Result> {
  return withSession(async ({ user, sessionId }, client) => {
    const input = parseInput(z.object({ ceremonyId: ceremony, purpose }), { ceremonyId, purpose: forPurpose });
    if (!input.ok) return input;
    const { ceremonyId: id, purpose: forWhat } = input.data;
    return continueSteppedUp(user.id, await finishPasskeyStepUp(user, sessionId, id, response, forWhat, client));
  });
}

export async function startRegistrationAction(location: unknown) {
  return withSession(async (session) => {
    const input = parseInput(z.enum(Object.keys(passkeyLocations) as [keyof typeof passkeyLocations]), location);
    if (!input.ok) return input;
    return startRegistration(session, input.data);
  });
}

export async function finishRegistrationAction(ceremonyId: unknown, response: unknown) {
  return withSession(async (session, client) => {
    const input = parseInput(ceremony, ceremonyId);
    if (!input.ok) return input;
    const words = unnamedPasskeyWords(await getTranslations("passkeys"));
    const result = await finishRegistration(session, input.data, response, client, words);
    if (result.ok) revalidatePath("/account");
    return result;
  });
}

export async function renamePasskeyAction(passkeyId: unknown, label: unknown) {
  return withSession(async ({ user }, client) => {
    const input = parseInput(z.object({ passkeyId: id, label: z.string().max(200) }), { passkeyId, label });
    if (!input.ok) return input;
    const result = await renamePasskey(user.id, input.data.passkeyId, input.data.label, client);
    if (result.ok) revalidatePath("/account");
    return result;
  });
}

/** Removes one passkey (there is no bulk removal). Removal ends every session, so this browser gets a new one. */
export async function removePasskeyAction(passkeyId: unknown) {
  return withSession(async ({ user, sessionId }, client) => {
    const input = parseInput(id, passkeyId);
    if (!input.ok) return input;
    const result = await removePasskey({ userId: user.id, sessionId, client, passkeyId: input.data });
    if (!result.ok) return result;
    await startSession(user.id);
    revalidatePath("/account");
    return ok(result.data);
  });
}
