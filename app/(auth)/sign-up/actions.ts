"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { answerSafely, parseInput } from "@/lib/auth/action-guard";
import { recordEvent } from "@/lib/auth/audit";
import { refuseWeakPassword } from "@/lib/auth/password-blocklist";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { startSession } from "@/lib/auth/session";
import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { allow, limits, rateLimited } from "@/lib/auth/rate-limit";
import { requestClient, requestSource } from "@/lib/request-client";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { fail, type Failure } from "@/lib/result";

const signUpSchema = z.object({
  email: z.email("Enter a valid email address.").max(254),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
});

export type SignUpState = (Failure & { email: string }) | null;

export async function signUpAction(_previous: SignUpState, form: FormData): Promise<SignUpState> {
  const email = String(form.get("email") ?? "");
  const answer = await answerSafely(() => signUp(form));
  return answer === null || "email" in answer ? answer : { ...answer, email };
}

async function signUp(form: FormData): Promise<SignUpState> {
  const email = String(form.get("email") ?? "");
  if (!(await allow(limits.signUpPerClient, await requestSource()))) return { ...rateLimited(), email };
  const input = parseInput(signUpSchema, { email, password: form.get("password") });
  // The password is never sent back, not even to refill the form.
  if (!input.ok) return { ...input, email };
  const weak = refuseWeakPassword(input.data.password, { email: input.data.email, serviceName: relyingParty.name });
  if (weak) return { ...weak, email };
  const user = await createUser(input.data.email, input.data.password);
  if (!user) return { ...fail("auth:email-taken", "An account with this email already exists. Sign in instead."), email };
  const client = await requestClient();
  await recordEvent(db, { userId: user.id, type: "account.created", client });
  await startSession(user.id);
  redirect("/account");
}
