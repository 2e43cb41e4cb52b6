"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { LocalTime } from "@/components/local-time";
import { EmailCodeField } from "@/components/email-code-field";
import { SecondFactorField } from "@/components/second-factor-field";
import { reachServer } from "@/lib/browser/server-unreachable";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import type { Result } from "@/lib/result";
import {
  checkResetCodeAction,
  checkResetSecondFactorAction,
  finishPasswordResetAction,
  startPasswordResetAction,
} from "./actions";

/** Where this server's mail goes: a real inbox, or (no SMTP) the server's terminal. */
export type MailHint = "inbox" | "terminal";

type Flow =
  | { stage: "email" }
  | { stage: "code" | "second-factor" | "new-password"; email: string; pendingToken: string }
  | { stage: "done"; withdrawalsHeldUntil: string };

export function ResetForm({ mailHint }: { mailHint: MailHint }) {
  const [flow, setFlow] = useState<Flow>({ stage: "email" });
  if (flow.stage === "email") {
    return (
      <Step
        key="email"
        title="Reset your password"
        submit="Send me a code"
        onSubmit={async (form) => {
          const email = String(form.get("email") ?? "");
          const result = await reachServer(startPasswordResetAction(email));
          if (result.ok) setFlow({ stage: "code", email, pendingToken: result.data.pendingToken });
          return result;
        }}
      >
        <Field id="email" name="email" type="email" label="Email" autoComplete="username" required autoFocus />
      </Step>
    );
  }
  if (flow.stage === "done") return <ResetDone withdrawalsHeldUntil={new Date(flow.withdrawalsHeldUntil)} />;
  const { pendingToken } = flow;
  const moveOn = (next: "second-factor" | "new-password" | "code") => setFlow({ ...flow, stage: next });
  if (flow.stage === "code") {
    return (
      <Step
        key="code"
        title="Check your email"
        submit="Continue"
        onSubmit={async (form) => {
          const result = await reachServer(checkResetCodeAction(pendingToken, form.get("code")));
          if (result.ok) moveOn(result.data.next);
          return result;
        }}
      >
        <p className="text-sm text-slate-600">
          If <strong className="break-all">{flow.email}</strong> has an account, we sent it a 6-digit code. It works
          once, for 15 minutes. No mail? Check the address, or your spam folder.
          {mailHint === "terminal" &&
            " This server has no mail server set up, so the mail is printed in the terminal where it runs."}
        </p>
        <EmailCodeField key="code" />
      </Step>
    );
  }
  if (flow.stage === "second-factor")
    return <SecondFactorStep pendingToken={pendingToken} onDone={() => moveOn("new-password")} />;
  return (
    <Step
      key="new-password"
      title="Choose a new password"
      submit="Set new password"
      onSubmit={async (form) => {
        const result = await reachServer(finishPasswordResetAction(pendingToken, form.get("password")));
        if (result.ok) setFlow({ stage: "done", withdrawalsHeldUntil: result.data.withdrawalsHeldUntil });
        return result;
      }}
    >
      <Field
        key="password"
        id="password"
        name="password"
        type="password"
        label="New password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few words works well. Every other session of your account will be signed out.`}
        autoFocus
        required
      />
    </Step>
  );
}

/** The second factor: no way back in skips it (security bar F51). A recovery code used here is used up. */
function SecondFactorStep({ pendingToken, onDone }: { pendingToken: string; onDone: () => void }) {
  const [kind, setKind] = useState<"totp" | "recovery-code">("totp");
  const totp = kind === "totp";
  return (
    <Step
      // A new form for the other kind of code: its field, and no error about the code typed before.
      key={kind}
      title="Two-factor authentication"
      submit="Verify"
      onSubmit={async (form) => {
        const result = await reachServer(checkResetSecondFactorAction(pendingToken, form.get("code"), kind));
        if (result.ok) onDone();
        return result;
      }}
      extra={
        <button
          type="button"
          className="text-left text-sm text-brand-700 underline"
          onClick={() => setKind(totp ? "recovery-code" : "totp")}
        >
          {totp ? "Use a recovery code instead" : "Use an authenticator code instead"}
        </button>
      }
    >
      <p className="text-sm text-slate-600">
        Your account has two-factor authentication: the emailed code alone cannot reset it.
      </p>
      <SecondFactorField id="code" kind={kind} />
    </Step>
  );
}

function ResetDone({ withdrawalsHeldUntil }: { withdrawalsHeldUntil: Date }) {
  return (
    <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">Your password is reset</h2>
      <Alert tone="success">
        You&apos;re signed in with your new password. Every other session of your account has been signed out.
      </Alert>
      <p className="text-sm text-slate-700">
        Withdrawals are held until <LocalTime date={withdrawalsHeldUntil} />: they wait 24 hours after a password reset,
        as at a careful exchange.
      </p>
      <a href="/account" className="font-medium text-brand-700 underline">
        Go to your account
      </a>
    </div>
  );
}

/** One step of the flow: a form, its busy button and the server's answer; an expired reset offers a fresh start. */
function Step(props: {
  title: string;
  submit: string;
  onSubmit: (form: FormData) => Promise<Result<unknown>>;
  children: ReactNode;
  extra?: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; expired: boolean } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await props.onSubmit(new FormData(event.currentTarget));
      setMessage(result.ok ? null : { text: result.message, expired: result.code === "password-reset:expired" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">{props.title}</h2>
      {props.children}
      <Alert tone="error">{message?.text}</Alert>
      {message?.expired && (
        // A full page load: the pending reset lives only in this page's state.
        <a href="/forgot-password" className="text-sm font-medium text-brand-700 underline">
          Start again
        </a>
      )}
      <Button type="submit" busy={busy}>
        {props.submit}
      </Button>
      {props.extra}
    </form>
  );
}
