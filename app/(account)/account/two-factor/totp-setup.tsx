"use client";

import { useState, type FormEvent } from "react";
import { reachServer } from "@/lib/browser/server-unreachable";
import { Alert, Button, Field } from "@/components/ui";
import type { TotpSetup as Setup } from "@/lib/auth/totp";
import { fillIn } from "@/lib/i18n/fill-in";
import { confirmTotpSetupAction, startTotpSetupAction } from "./actions";
import { RecoveryCodeList, type RecoveryCodeListText } from "./recovery-code-list";

type Message = { message: string; detail?: string } | null;

/** The set-up's words in the page's language, translated on the server (text.ts; decision 027). */
export type TotpSetupText = {
  intro: string;
  start: string;
  scan: string;
  enterCode: string;
  qrAlt: string;
  /** With a {key} slot for the key the server makes when set-up starts (lib/i18n/fill-in.ts). */
  manualKey: string;
  code: string;
  codeHint: string;
  currentPassword: string;
  turnOn: string;
  done: string;
  codes: RecoveryCodeListText;
};

export function TotpSetup({ text: t }: { text: TotpSetupText }) {
  const [setup, setSetup] = useState<Setup | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  async function begin() {
    setBusy(true);
    const result = await reachServer(startTotpSetupAction());
    setBusy(false);
    if (result.ok) setSetup(result.data);
    else setMessage(result);
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await reachServer(confirmTotpSetupAction(form.get("code"), form.get("password")));
    setBusy(false);
    if (result.ok) setRecoveryCodes(result.data.recoveryCodes);
    else setMessage(result);
  }

  if (recoveryCodes) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success">{t.done}</Alert>
        <RecoveryCodeList codes={recoveryCodes} text={t.codes} />
      </div>
    );
  }

  if (!setup) {
    return (
      <div className="flex flex-col gap-3">
        <p className="text-sm text-slate-700">{t.intro}</p>
        <Alert tone="error">{message?.message}</Alert>
        <Button type="button" onClick={() => void begin()} busy={busy} className="self-start">
          {t.start}
        </Button>
      </div>
    );
  }

  return (
    <form method="post" onSubmit={confirm} className="flex flex-col gap-4">
      <ol className="list-decimal space-y-2 ps-5 text-sm text-slate-700">
        <li>{t.scan}</li>
        <li>{t.enterCode}</li>
      </ol>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
      <img src={setup.qrCodeDataUrl} alt={t.qrAlt} width={200} height={200} className="rounded border" />
      <p className="text-sm">
        {fillIn(t.manualKey, {
          key: (
            <code key="key" data-testid="totp-manual-key" className="rounded bg-slate-100 px-2 py-1 font-mono">
              {setup.manualKey}
            </code>
          ),
        })}
      </p>
      <Field
        id="totp-code"
        name="code"
        label={t.code}
        hint={t.codeHint}
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9 ]{6,7}"
        required
      />
      <Field
        id="totp-password"
        name="password"
        type="password"
        label={t.currentPassword}
        autoComplete="current-password"
        required
      />
      <Alert tone="error">{message?.message}</Alert>
      <Button type="submit" busy={busy} className="self-start">
        {t.turnOn}
      </Button>
    </form>
  );
}
