"use client";

import { useActionState, type ReactNode } from "react";
import { EmailCodeField } from "@/components/email-code-field";
import { Alert, Button, Field } from "@/components/ui";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { fillIn } from "@/lib/i18n/fill-in";
import { confirmSignUpAction, signUpAction, type SignUpCodeState, type SignUpState } from "./actions";

/** Where this server's mail goes, told on the code step: a real inbox, or (no SMTP) the server's terminal. */
export type MailHint = "inbox" | "terminal" | "outbox-page";

/** The form's words in the page's language, translated on the server (page.tsx; decision 027). */
export type SignUpFormText = {
  email: string;
  password: string;
  passwordHint: string;
  create: string;
  checkEmail: string;
  /** With an {email} slot the form fills in (lib/i18n/fill-in.ts). */
  codeSent: string;
  /** Where this server's mail goes when it has no mail server; absent when it has one. */
  mailNote?: ReactNode;
  emailCode: string;
  verifyAndCreate: string;
  startOver: string;
};

export function SignUpForm({ text }: { text: SignUpFormText }) {
  const [state, formAction, pending] = useActionState<SignUpState, FormData>(signUpAction, null);
  if (state?.ok) return <SignUpCodeForm email={state.email} pendingToken={state.pendingToken} text={text} />;
  return (
    <form action={formAction} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <Field
        id="email"
        name="email"
        type="email"
        label={text.email}
        autoComplete="username"
        required
        defaultValue={state?.email}
      />
      <Field
        id="password"
        name="password"
        type="password"
        label={text.password}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={text.passwordHint}
      />
      <Alert tone="error">{state?.message}</Alert>
      <Button type="submit" busy={pending}>
        {text.create}
      </Button>
    </form>
  );
}

function SignUpCodeForm({ email, pendingToken, text }: { email: string; pendingToken: string; text: SignUpFormText }) {
  const [state, action, pending] = useActionState<SignUpCodeState, FormData>(confirmSignUpAction, null);
  return (
    <form action={action} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">{text.checkEmail}</h2>
      <p className="text-sm text-slate-600">
        {fillIn(text.codeSent, { email: <strong className="break-all">{email}</strong> })}
      </p>
      {text.mailNote && <p className="text-sm text-slate-600">{text.mailNote}</p>}
      <input type="hidden" name="pendingToken" value={pendingToken} />
      <EmailCodeField label={text.emailCode} />
      <Alert tone="error">{state?.message}</Alert>
      <Button type="submit" busy={pending}>
        {text.verifyAndCreate}
      </Button>
      {/* A full page load: the pending sign-up lives only in this form's state. */}
      <a href="/sign-up" className="text-sm text-slate-600 underline">
        {text.startOver}
      </a>
    </form>
  );
}
