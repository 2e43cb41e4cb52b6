"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { answerSafely, parseInput } from "@/lib/auth/action-guard";
import { readDeviceCookie } from "@/lib/auth/device-cookie";
import { completeSecondFactor, signInWithPassword } from "@/lib/auth/password-sign-in";
import { markSignedIn } from "@/lib/auth/mark-signed-in";
import { startSession } from "@/lib/auth/session";
import { finishPasskeySignIn, startPasskeySignIn } from "@/lib/webauthn/authentication";
import { allow, limits, rateLimited } from "@/lib/auth/rate-limit";
import { safeReturnPath } from "@/lib/auth/return-path";
import { requestClient, requestSource } from "@/lib/request-client";
import type { Failure, Result } from "@/lib/result";

export type PasswordState = Failure | { ok: true; next: "second-factor"; pendingToken: string } | null;
export type SecondFactorState = Failure | null;

const passwordSchema = z.object({ email: z.string().max(254), password: z.string().max(1024) });

export async function signInWithPasswordAction(_previous: PasswordState, form: FormData): Promise<PasswordState> {
  return answerSafely(() => signInWithPasswordFlow(form));
}

async function signInWithPasswordFlow(form: FormData): Promise<PasswordState> {
  if (!(await allow(limits.passwordPerClient, await requestSource()))) return rateLimited();
  const input = parseInput(passwordSchema, { email: form.get("email") ?? "", password: form.get("password") ?? "" });
  if (!input.ok) return input;
  const result = await signInWithPassword(
    input.data.email,
    input.data.password,
    await requestClient(),
    await requestSource(),
    await readDeviceCookie(),
  );
  if (!result.ok) return result;
  if (result.data.next === "second-factor")
    return { ok: true, next: "second-factor", pendingToken: result.data.pendingToken };
  await startSession(result.data.userId);
  await markSignedIn();
  redirect(safeReturnPath(form.get("returnTo")));
}

const secondFactorSchema = z.object({
  pendingToken: z.string().min(1).max(100),
  code: z.string().min(1, "input.enter-code").max(32),
  kind: z.enum(["totp", "recovery-code"]),
});

export async function completeSecondFactorAction(
  _previous: SecondFactorState,
  form: FormData,
): Promise<SecondFactorState> {
  return answerSafely(() => completeSecondFactorFlow(form));
}

async function completeSecondFactorFlow(form: FormData): Promise<SecondFactorState> {
  if (!(await allow(limits.secondFactorPerClient, await requestSource()))) return rateLimited();
  const input = parseInput(secondFactorSchema, Object.fromEntries(form));
  if (!input.ok) return input;
  const { pendingToken, code, kind } = input.data;
  const result = await completeSecondFactor(
    pendingToken,
    code,
    kind,
    await requestClient(),
    await requestSource(),
    await readDeviceCookie(),
  );
  if (!result.ok) return result;
  await startSession(result.data.userId, result.data.sessionId);
  await markSignedIn();
  redirect(safeReturnPath(form.get("returnTo")));
}

const emailSchema = z.string().trim().max(254).optional();

/** Options for a passkey sign-in: username-first with an email, usernameless (and autofill) without. */
export async function startPasskeySignInAction(email?: unknown) {
  return answerSafely(async () => {
    const input = parseInput(emailSchema, email);
    if (!input.ok) return input;
    return startPasskeySignIn({ email: input.data?.toLowerCase() || undefined, source: await requestSource() });
  });
}

/**
 * Verifies the assertion and sets the session cookie, then answers `{ ok: true }` and the page moves on (to /account or
 * the page the person asked for). A redirect here would make Next.js request and render that page from itself inside
 * this response: about half the sign-in's server CPU (docs/performance.md).
 */
export async function finishPasskeySignInAction(
  ceremonyId: unknown,
  response: unknown,
  askedVia?: unknown,
): Promise<Result> {
  return answerSafely(() => finishPasskeySignInFlow(ceremonyId, response, askedVia));
}

// How the page asked (its button, the email field's autofill, or immediate sign-in): a fixed set of words for the log.
const askedViaSchema = z.enum(["button", "autofill", "immediate"]).default("button");

async function finishPasskeySignInFlow(ceremonyId: unknown, response: unknown, askedVia: unknown): Promise<Result> {
  const id = parseInput(z.string().min(1).max(100), ceremonyId);
  if (!id.ok) return id;
  const via = parseInput(askedViaSchema, askedVia);
  if (!via.ok) return via;
  const result = await finishPasskeySignIn(id.data, response, await requestClient(), await requestSource(), via.data);
  if (!result.ok) return result;
  await startSession(result.data.userId);
  await markSignedIn();
  return { ok: true, data: undefined };
}
