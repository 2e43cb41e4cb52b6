"use client";

import { useState, type FormEvent } from "react";
import { reachServer } from "@/lib/browser/server-unreachable";
import { Alert, Button, Field } from "@/components/ui";
import type { TotpSetup as Setup } from "@/lib/auth/totp";
import { confirmTotpSetupAction, startTotpSetupAction } from "./actions";
import { RecoveryCodeList } from "./recovery-code-list";

type Message = { message: string; detail?: string } | null;

export function TotpSetup() {
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
        <Alert tone="success">Two-factor authentication is on.</Alert>
        <RecoveryCodeList codes={recoveryCodes} />
      </div>
    );
  }

  if (!setup) {
    return (
      <div className="flex flex-col gap-3">
        <p className="text-sm text-slate-700">
          Use an authenticator app (Google Authenticator, 1Password, Authy, …) for a second step after your password. It
          is required before you can add passkeys.
        </p>
        <Alert tone="error">{message?.message}</Alert>
        <Button type="button" onClick={() => void begin()} busy={busy} className="self-start">
          Set up authenticator app
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={confirm} className="flex flex-col gap-4">
      <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
        <li>Scan this QR code with your authenticator app, or type the key by hand.</li>
        <li>Enter the 6-digit code it shows, and your password to confirm the change.</li>
      </ol>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
      <img
        src={setup.qrCodeDataUrl}
        alt="QR code for your authenticator app"
        width={200}
        height={200}
        className="rounded border"
      />
      <p className="text-sm">
        Key:{" "}
        <code data-testid="totp-manual-key" className="rounded bg-slate-100 px-2 py-1 font-mono">
          {setup.manualKey}
        </code>
      </p>
      <Field
        id="totp-code"
        name="code"
        label="6-digit code"
        hint="The 6 digits your app shows now, nothing else."
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9 ]{6,7}"
        required
      />
      <Field
        id="totp-password"
        name="password"
        type="password"
        label="Current password"
        autoComplete="current-password"
        required
      />
      <Alert tone="error">{message?.message}</Alert>
      <Button type="submit" busy={busy} className="self-start">
        Turn on two-factor authentication
      </Button>
    </form>
  );
}
