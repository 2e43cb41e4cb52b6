"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { LocalTime } from "@/components/local-time";
import { EmailCodeField } from "@/components/email-code-field";
import { SecondFactorField } from "@/components/second-factor-field";
import { reachServer } from "@/lib/browser/server-unreachable";
import { useHydrated } from "@/lib/browser/use-hydrated";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { fillIn } from "@/lib/i18n/fill-in";
import type { SecondFactorText } from "@/lib/i18n/second-factor-text";
import type { Result } from "@/lib/result";
import {
  checkResetCodeAction,
  checkResetSecondFactorAction,
  finishPasswordResetAction,
  startPasswordResetAction,
} from "./actions";

/** Where this server's mail goes: a real inbox, or (no SMTP) the server's terminal. */
export type MailHint = "inbox" | "terminal";

/** The flow's words in the page's language, translated on the server (page.tsx; decision 027). */
export type ResetFormText = {
  locale: string;
  email: string;
  title: string;
  sendCode: string;
  checkEmail: string;
  continue: string;
  /** With an {email} slot the form fills in (lib/i18n/fill-in.ts). */
  codeSent: string;
  mailInTerminal: string;
  emailCode: string;
  chooseNew: string;
  setNew: string;
  newPassword: string;
  newPasswordHint: string;
  secondFactorNeeded: string;
  doneTitle: string;
  doneSignedIn: string;
  /** With a {time} slot for the moment withdrawals open again. */
  withdrawalsHeld: string;
  goToAccount: string;
  startAgain: string;
  secondFactor: SecondFactorText;
};

type Flow =
  | { stage: "email" }
  | { stage: "code" | "second-factor" | "new-password"; email: string; pendingToken: string }
  | { stage: "done"; withdrawalsHeldUntil: string };

export function ResetForm({ mailHint, text }: { mailHint: MailHint; text: ResetFormText }) {
  const [flow, setFlow] = useState<Flow>({ stage: "email" });
  const t = text;
  if (flow.stage === "email") {
    return (
      <Step
        key="email"
        title={t.title}
        submit={t.sendCode}
        startAgain={t.startAgain}
        onSubmit={async (form) => {
          const email = String(form.get("email") ?? "");
          const result = await reachServer(startPasswordResetAction(email));
          if (result.ok) setFlow({ stage: "code", email, pendingToken: result.data.pendingToken });
          return result;
        }}
      >
        <Field id="email" name="email" type="email" label={t.email} autoComplete="username" required autoFocus />
      </Step>
    );
  }
  if (flow.stage === "done")
    return <ResetDone withdrawalsHeldUntil={new Date(flow.withdrawalsHeldUntil)} text={text} />;
  const { pendingToken } = flow;
  const moveOn = (next: "second-factor" | "new-password" | "code") => setFlow({ ...flow, stage: next });
  if (flow.stage === "code") {
    return (
      <Step
        key="code"
        title={t.checkEmail}
        submit={t.continue}
        startAgain={t.startAgain}
        onSubmit={async (form) => {
          const result = await reachServer(checkResetCodeAction(pendingToken, form.get("code")));
          if (result.ok) moveOn(result.data.next);
          return result;
        }}
      >
        <p className="text-sm text-slate-600">
          {fillIn(t.codeSent, { email: <strong className="break-all">{flow.email}</strong> })}
          {mailHint === "terminal" && ` ${t.mailInTerminal}`}
        </p>
        <EmailCodeField key="code" label={t.emailCode} />
      </Step>
    );
  }
  if (flow.stage === "second-factor")
    return (
      <SecondFactorStep
        pendingToken={pendingToken}
        onDone={() => moveOn("new-password")}
        text={text.secondFactor}
        note={t.secondFactorNeeded}
        startAgain={t.startAgain}
      />
    );
  return (
    <Step
      key="new-password"
      title={t.chooseNew}
      submit={t.setNew}
      startAgain={t.startAgain}
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
        label={t.newPassword}
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        hint={t.newPasswordHint}
        autoFocus
        required
      />
    </Step>
  );
}

/** The second factor: no way back in skips it (security bar F51). A recovery code used here is used up. */
function SecondFactorStep({
  pendingToken,
  onDone,
  text,
  note,
  startAgain,
}: {
  pendingToken: string;
  onDone: () => void;
  text: SecondFactorText;
  note: string;
  startAgain: string;
}) {
  const [kind, setKind] = useState<"totp" | "recovery-code">("totp");
  const totp = kind === "totp";
  return (
    <Step
      // A new form for the other kind of code: its field, and no error about the code typed before.
      key={kind}
      title={text.title}
      submit={text.verify}
      startAgain={startAgain}
      onSubmit={async (form) => {
        const result = await reachServer(checkResetSecondFactorAction(pendingToken, form.get("code"), kind));
        if (result.ok) onDone();
        return result;
      }}
      extra={
        <button
          type="button"
          className="text-start text-sm text-brand-700 underline"
          onClick={() => setKind(totp ? "recovery-code" : "totp")}
        >
          {totp ? text.useRecoveryCode : text.useAuthenticatorCode}
        </button>
      }
    >
      <p className="text-sm text-slate-600">{note}</p>
      <SecondFactorField id="code" kind={kind} labels={text.labels} />
    </Step>
  );
}

function ResetDone({ withdrawalsHeldUntil, text: t }: { withdrawalsHeldUntil: Date; text: ResetFormText }) {
  return (
    <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">{t.doneTitle}</h2>
      <Alert tone="success">{t.doneSignedIn}</Alert>
      <p className="text-sm text-slate-700">
        {fillIn(t.withdrawalsHeld, { time: <LocalTime date={withdrawalsHeldUntil} locale={t.locale} /> })}
      </p>
      <a href="/account" className="font-medium text-brand-700 underline">
        {t.goToAccount}
      </a>
    </div>
  );
}

/** One step of the flow: a form, its busy button and the server's answer; an expired reset offers a fresh start. */
function Step(props: {
  title: string;
  submit: string;
  startAgain: string;
  onSubmit: (form: FormData) => Promise<Result<unknown>>;
  children: ReactNode;
  extra?: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; expired: boolean } | null>(null);
  // Before React runs, a click would post the form natively (method="post" keeps what was typed out of the address).
  const hydrated = useHydrated();

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
    <form
      method="post"
      onSubmit={submit}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 className="font-semibold">{props.title}</h2>
      {props.children}
      <Alert tone="error">{message?.text}</Alert>
      {message?.expired && (
        // A full page load: the pending reset lives only in this page's state.
        <a href="/forgot-password" className="text-sm font-medium text-brand-700 underline">
          {props.startAgain}
        </a>
      )}
      <Button type="submit" busy={busy} disabled={!hydrated}>
        {props.submit}
      </Button>
      {props.extra}
    </form>
  );
}
