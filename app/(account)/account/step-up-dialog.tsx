"use client";

import { useCallback, useRef, useState, type FormEvent } from "react";
import { useModalDialog } from "@/components/confirm-dialog";
import { reachServer } from "@/components/server-unreachable";
import { Alert, Button, Field } from "@/components/ui";
import type { StepUpPurpose } from "@/lib/db/schema";
import type { Result } from "@/lib/result";
import { stepUpWithTotpAction } from "./actions";
import { stepUpWithPasskey } from "./passkey-step-up";

type Factors = { hasTotp: boolean; hasPasskeys: boolean };

/** What the person is confirming: the grant they get is for this change only. */
const purposeWords: Record<StepUpPurpose, string> = {
  "add-passkey": "adding this passkey",
  "remove-passkey": "removing this passkey",
  "remove-password": "removing your password",
  "recovery-codes": "making new recovery codes",
  "support-console": "opening the support console",
};
type Message = { message: string; detail?: string } | null;

/**
 * Runs a sensitive action; when the server answers `step-up:required`, asks the person to confirm it's them (TOTP code
 * or passkey with user verification) and runs the action again.
 */
export function useStepUp(factors: Factors) {
  const [asked, setAsked] = useState<{ opener: Element; purpose: StepUpPurpose } | null>(null);
  const settle = useRef<(confirmed: boolean) => void>(() => {});

  const guard = useCallback(async <T,>(purpose: StepUpPurpose, run: () => Promise<Result<T>>): Promise<Result<T>> => {
    // Taken now: while `run` is pending the button that started it is busy (disabled) and has lost focus.
    const focused = document.activeElement;
    const first = await reachServer(run());
    if (first.ok || first.code !== "step-up:required") return first;
    setAsked({ opener: focused ?? document.body, purpose });
    const confirmed = await new Promise<boolean>((resolve) => (settle.current = resolve));
    setAsked(null);
    return confirmed ? reachServer(run()) : { ...first, message: "Cancelled: nothing was changed." };
  }, []);

  const dialog = asked ? (
    <StepUpDialog factors={factors} opener={asked.opener} purpose={asked.purpose} onDone={(confirmed) => settle.current(confirmed)} />
  ) : null;
  return { guard, dialog };
}

function StepUpDialog(props: { factors: Factors; opener: Element; purpose: StepUpPurpose; onDone: (confirmed: boolean) => void }) {
  const { factors, opener, purpose, onDone } = props;
  const ref = useModalDialog(opener);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState<"totp" | "passkey" | null>(null);

  async function confirmWithTotp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy("totp");
    const result = await reachServer(stepUpWithTotpAction(new FormData(event.currentTarget).get("code"), purpose));
    setBusy(null);
    if (result.ok) onDone(true);
    else setMessage(result);
  }

  async function confirmWithPasskey() {
    setBusy("passkey");
    setMessage(null);
    try {
      const result = await stepUpWithPasskey(purpose);
      if (result.ok) onDone(true);
      else setMessage(result);
    } finally {
      setBusy(null);
    }
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby="step-up-title"
      onCancel={() => onDone(false)}
      className="m-auto w-full max-w-md rounded-lg p-6 shadow-xl"
    >
      <div className="flex flex-col gap-4">
        <h2 id="step-up-title" className="text-lg font-semibold">
          Confirm it&apos;s you
        </h2>
        <p className="text-sm text-slate-700">
          Changing how you sign in needs a fresh check. It is valid for 5 minutes, for {purposeWords[purpose]} only.
        </p>
        {factors.hasTotp && (
          <form onSubmit={confirmWithTotp} className="flex flex-col gap-3">
            <Field id="step-up-code" name="code" label="Code from your authenticator app" autoComplete="one-time-code" inputMode="numeric" required data-autofocus />
            <Button type="submit" busy={busy === "totp"} disabled={busy !== null}>
              Confirm with code
            </Button>
          </form>
        )}
        {factors.hasPasskeys && (
          <Button type="button" variant="secondary" busy={busy === "passkey"} disabled={busy !== null} onClick={() => void confirmWithPasskey()}>
            Confirm with a passkey
          </Button>
        )}
        <Alert tone="error" detail={message?.detail}>
          {message?.message}
        </Alert>
        <Button type="button" variant="secondary" onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </dialog>
  );
}
