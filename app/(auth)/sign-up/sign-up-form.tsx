"use client";

import { useActionState } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { signUpAction, type SignUpState } from "./actions";

export function SignUpForm() {
  const [state, formAction, pending] = useActionState<SignUpState, FormData>(signUpAction, null);
  return (
    <form action={formAction} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <Field id="email" name="email" type="email" label="Email" autoComplete="username" required defaultValue={state?.email} />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few words works well.`}
      />
      <Alert tone="error">{state?.message}</Alert>
      <Button type="submit" busy={pending}>
        Create account
      </Button>
    </form>
  );
}
