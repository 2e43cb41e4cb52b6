"use client";

import { useCallback, useRef, useState, type FormEvent } from "react";
import { useModalDialog } from "@/components/confirm-dialog";
import { reachServer } from "@/lib/browser/server-unreachable";
import { SecondFactorField } from "@/components/second-factor-field";
import { Alert, Button } from "@/components/ui";
import type { StepUpPurpose } from "@/lib/db/schema";
import type { Result } from "@/lib/result";
import { stepUpWithRecoveryCodeAction, stepUpWithTotpAction } from "./actions";
import { stepUpWithPasskey } from "./passkey-step-up";

type Factors = { hasTotp: boolean; hasPasskeys: boolean };

/** What the person is confirming: the grant they get is for this change only. */
const purposeWords: Record<StepUpPurpose, string> = {
  "add-passkey": "adding this passkey",
  "remove-passkey": "removing this passkey",
  "remove-password": "removing your password",
  "recovery-codes": "making new recovery codes",
  "support-console": "opening the support console",
  "automatic-passkey": "saving a passkey automatically",
};
type Message = { message: string; detail?: string; causes?: string[]; fixes?: string[] } | null;

/**
 * Runs a sensitive action; when the server answers `step-up:required`, asks the person to confirm it's them (TOTP code,
 * one of their recovery codes, or a passkey with user verification) and runs the action again.
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
    <StepUpDialog
      factors={factors}
      opener={asked.opener}
      purpose={asked.purpose}
      onDone={(confirmed) => settle.current(confirmed)}
    />
  ) : null;
  return { guard, dialog };
}

function StepUpDialog(props: {
  factors: Factors;
  opener: Element;
  purpose: StepUpPurpose;
  onDone: (confirmed: boolean) => void;
}) {
  const { factors, opener, purpose, onDone } = props;
  const ref = useModalDialog(opener);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState<"code" | "passkey" | null>(null);
  // Someone who lost their phone has their recovery codes: one of them confirms too, and is used up.
  const [codeKind, setCodeKind] = useState<"totp" | "recovery-code">("totp");
  const totp = codeKind === "totp";

  async function confirmWithCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy("code");
    const code = new FormData(event.currentTarget).get("code");
    const result = await reachServer(
      totp ? stepUpWithTotpAction(code, purpose) : stepUpWithRecoveryCodeAction(code, purpose),
    );
    setBusy(null);
    if (result.ok) onDone(true);
    else setMessage(result);
  }

  function switchCodeKind() {
    setCodeKind(totp ? "recovery-code" : "totp");
    // The last error was about the other kind of code.
    setMessage(null);
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
          <form onSubmit={confirmWithCode} className="flex flex-col gap-3">
            <SecondFactorField
              id="step-up-code"
              kind={codeKind}
              hint={totp ? undefined : "One of the codes you saved when you turned on two-factor. It works once."}
              autoFocus={!totp}
              dataAutofocus
            />
            <Button type="submit" busy={busy === "code"} disabled={busy !== null}>
              {totp ? "Confirm with code" : "Confirm with recovery code"}
            </Button>
            <button type="button" className="text-left text-sm text-brand-700 underline" onClick={switchCodeKind}>
              {totp ? "Lost your phone? Use a recovery code instead" : "Use an authenticator code instead"}
            </button>
          </form>
        )}
        {factors.hasPasskeys && (
          <Button
            type="button"
            variant="secondary"
            busy={busy === "passkey"}
            disabled={busy !== null}
            onClick={() => void confirmWithPasskey()}
          >
            Confirm with a passkey
          </Button>
        )}
        <Alert tone="error" detail={message?.detail} causes={message?.causes} fixes={message?.fixes}>
          {message?.message}
        </Alert>
        <Button type="button" variant="secondary" onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </dialog>
  );
}
