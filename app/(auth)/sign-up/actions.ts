"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { answerSafely, parseInput } from "@/lib/auth/action-guard";
import { refuseWeakPassword } from "@/lib/auth/password-blocklist";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { startSession } from "@/lib/auth/session";
import { completeSignUp, startSignUp } from "@/lib/auth/sign-up";
import { allow, EVERYONE, limits, rateLimited, serverBusy } from "@/lib/auth/rate-limit";
import { sendMail } from "@/lib/mail/send-mail";
import { requestClient, requestSource } from "@/lib/request-client";
import { relyingParty } from "@/lib/webauthn/relying-party";
import type { Failure } from "@/lib/result";

// Sign-up in two steps (security bar H62): email and password, then the code mailed to that address. The first step
// answers the same whether or not the address has an account; only the mail differs, and only its owner reads it.

const signUpSchema = z.object({
  email: z.email("input.valid-email").max(254),
  password: z.string().min(PASSWORD_MIN_LENGTH, "input.too-short").max(PASSWORD_MAX_LENGTH, "input.too-long"),
});

/** After the first step: for every address alike, "check your mail" and the token the code step sends back. */
export type SignUpState =
  (Failure & { email: string }) | { ok: true; next: "code"; email: string; pendingToken: string } | null;

export async function signUpAction(_previous: SignUpState, form: FormData): Promise<SignUpState> {
  const email = String(form.get("email") ?? "");
  const answer = await answerSafely(() => signUp(form));
  return answer === null || "email" in answer ? answer : { ...answer, email };
}

async function signUp(form: FormData): Promise<SignUpState> {
  const email = String(form.get("email") ?? "");
  if (!(await allow(limits.signUpPerClient, await requestSource()))) return { ...rateLimited(), email };
  if (!(await allow(limits.signUpOverall, EVERYONE))) return { ...serverBusy(), email };
  const input = parseInput(signUpSchema, { email, password: form.get("password") });
  // The password is never sent back, not even to refill the form.
  if (!input.ok) return { ...input, email };
  // NIST SP 800-63B-4 §3.1.1.2: no common, breached or context-derived password (lib/auth/password-blocklist.ts).
  const weak = refuseWeakPassword(input.data.password, { email: input.data.email, serviceName: relyingParty.name });
  if (weak) return { ...weak, email };
  const { pendingToken, mail } = await startSignUp(
    input.data.email,
    input.data.password,
    await getTranslations("mail"),
  );
  if (mail) await sendMail(mail);
  return { ok: true, next: "code", email, pendingToken };
}

const codeSchema = z.object({
  pendingToken: z.string().min(1).max(100),
  code: z.string().trim().min(1, "input.enter-mail-code").max(32),
});

export type SignUpCodeState = Failure | null;

/** The code from the mail: makes the account, signs the person in and moves on to /account. */
export async function confirmSignUpAction(_previous: SignUpCodeState, form: FormData): Promise<SignUpCodeState> {
  return answerSafely(() => confirmSignUp(form));
}

async function confirmSignUp(form: FormData): Promise<SignUpCodeState> {
  if (!(await allow(limits.signUpCodePerClient, await requestSource()))) return rateLimited();
  const input = parseInput(codeSchema, { pendingToken: form.get("pendingToken") ?? "", code: form.get("code") ?? "" });
  if (!input.ok) return input;
  const result = await completeSignUp(input.data.pendingToken, input.data.code, await requestClient());
  if (!result.ok) return result;
  await startSession(result.data.userId);
  redirect("/account");
}
