"use client";

import { useActionState } from "react";
import { EmailCodeField } from "@/components/email-code-field";
import { Alert, Button, Field } from "@/components/ui";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { confirmSignUpAction, signUpAction, type SignUpCodeState, type SignUpState } from "./actions";

/** Where this server's mail goes, told on the code step: a real inbox, or (no SMTP) the server's terminal. */
export type MailHint = "inbox" | "terminal" | "outbox-page";

export function SignUpForm({ mailHint }: { mailHint: MailHint }) {
  const [state, formAction, pending] = useActionState<SignUpState, FormData>(signUpAction, null);
  if (state?.ok) return <SignUpCodeForm email={state.email} pendingToken={state.pendingToken} mailHint={mailHint} />;
  return (
    <form action={formAction} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <Field
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="username"
        required
        defaultValue={state?.email}
      />
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

function SignUpCodeForm({
  email,
  pendingToken,
  mailHint,
}: {
  email: string;
  pendingToken: string;
  mailHint: MailHint;
}) {
  const [state, action, pending] = useActionState<SignUpCodeState, FormData>(confirmSignUpAction, null);
  return (
    <form action={action} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">Check your email</h2>
      <p className="text-sm text-slate-600">
        We sent a 6-digit code to <strong className="break-all">{email}</strong>. It works for 15 minutes. If this
        address already has an account, we sent its owner a note instead: sign in.
      </p>
      {mailHint !== "inbox" && (
        <p className="text-sm text-slate-600">
          This server has no mail server set up, so the mail is printed in the terminal where it runs
          {mailHint === "outbox-page" && (
            <>
              {" "}
              and shown in the{" "}
              <a href="/dev/outbox" target="_blank" className="font-medium text-brand-700 underline">
                development outbox
              </a>
            </>
          )}
          .
        </p>
      )}
      <input type="hidden" name="pendingToken" value={pendingToken} />
      <EmailCodeField />
      <Alert tone="error">{state?.message}</Alert>
      <Button type="submit" busy={pending}>
        Verify and create account
      </Button>
      {/* A full page load: the pending sign-up lives only in this form's state. */}
      <a href="/sign-up" className="text-sm text-slate-600 underline">
        Start over
      </a>
    </form>
  );
}
