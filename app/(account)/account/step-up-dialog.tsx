"use client";

import { useCallback, useRef, useState, type FormEvent } from "react";
import { useModalDialog } from "@/components/confirm-dialog";
import { reachServer } from "@/lib/browser/server-unreachable";
import { SecondFactorField } from "@/components/second-factor-field";
import { Alert, Button } from "@/components/ui";
import type { StepUpPurpose } from "@/lib/db/schema";
import type { StepUpText } from "@/lib/i18n/step-up-text";
import type { Result } from "@/lib/result";
import { stepUpWithRecoveryCodeAction, stepUpWithTotpAction } from "./actions";
import { stepUpWithPasskey } from "./passkey-step-up";

type Factors = { hasTotp: boolean; hasPasskeys: boolean };

/** Until the password and two-factor pages pass their words (lib/i18n/step-up-text.ts), they read English. */
const ENGLISH: StepUpText = {
  title: "Confirm it's you",
  why: {
    "add-passkey":
      "Changing how you sign in needs a fresh check. It is valid for 5 minutes, for adding this passkey only.",
    "remove-passkey":
      "Changing how you sign in needs a fresh check. It is valid for 5 minutes, for removing this passkey only.",
    "remove-password":
      "Changing how you sign in needs a fresh check. It is valid for 5 minutes, for removing your password only.",
    "recovery-codes":
      "Changing how you sign in needs a fresh check. It is valid for 5 minutes, for making new recovery codes only.",
    "support-console":
      "Changing how you sign in needs a fresh check. It is valid for 5 minutes, for opening the support console only.",
    "automatic-passkey":
      "Changing how you sign in needs a fresh check. It is valid for 5 minutes, for saving a passkey automatically only.",
  },
  recoveryHint: "One of the codes you saved when you turned on two-factor. It works once.",
  confirmWithCode: "Confirm with code",
  confirmWithRecoveryCode: "Confirm with recovery code",
  useRecoveryCode: "Lost your phone? Use a recovery code instead",
  useAuthenticatorCode: "Use an authenticator code instead",
  confirmWithPasskey: "Confirm with a passkey",
  cancel: "Cancel",
  cancelled: "Cancelled: nothing was changed.",
  labels: { totp: "Code from your authenticator app", recovery: "Recovery code" },
};
type Message = { message: string; detail?: string; causes?: string[]; fixes?: string[] } | null;

/**
 * Runs a sensitive action; when the server answers `step-up:required`, asks the person to confirm it's them (TOTP code,
 * one of their recovery codes, or a passkey with user verification) and runs the action again. What the grant is for is
 * said in `text.why` (the grant is for that change only).
 */
export function useStepUp(factors: Factors, text: StepUpText = ENGLISH) {
  const [asked, setAsked] = useState<{ opener: Element; purpose: StepUpPurpose } | null>(null);
  const settle = useRef<(confirmed: boolean) => void>(() => {});

  const guard = useCallback(
    async <T,>(purpose: StepUpPurpose, run: () => Promise<Result<T>>): Promise<Result<T>> => {
      // Taken now: while `run` is pending the button that started it is busy (disabled) and has lost focus.
      const focused = document.activeElement;
      const first = await reachServer(run());
      if (first.ok || first.code !== "step-up:required") return first;
      setAsked({ opener: focused ?? document.body, purpose });
      const confirmed = await new Promise<boolean>((resolve) => (settle.current = resolve));
      setAsked(null);
      return confirmed ? reachServer(run()) : { ...first, message: text.cancelled };
    },
    [text.cancelled],
  );

  const dialog = asked ? (
    <StepUpDialog
      factors={factors}
      opener={asked.opener}
      purpose={asked.purpose}
      text={text}
      onDone={(confirmed) => settle.current(confirmed)}
    />
  ) : null;
  return { guard, dialog };
}

function StepUpDialog(props: {
  factors: Factors;
  opener: Element;
  purpose: StepUpPurpose;
  text: StepUpText;
  onDone: (confirmed: boolean) => void;
}) {
  const { factors, opener, purpose, text, onDone } = props;
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
          {text.title}
        </h2>
        <p className="text-sm text-slate-700">{text.why[purpose]}</p>
        {factors.hasTotp && (
          <form method="post" onSubmit={confirmWithCode} className="flex flex-col gap-3">
            <SecondFactorField
              id="step-up-code"
              kind={codeKind}
              hint={totp ? undefined : text.recoveryHint}
              labels={text.labels}
              autoFocus={!totp}
              dataAutofocus
            />
            <Button type="submit" busy={busy === "code"} disabled={busy !== null}>
              {totp ? text.confirmWithCode : text.confirmWithRecoveryCode}
            </Button>
            <button type="button" className="text-start text-sm text-brand-700 underline" onClick={switchCodeKind}>
              {totp ? text.useRecoveryCode : text.useAuthenticatorCode}
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
            {text.confirmWithPasskey}
          </Button>
        )}
        <Alert tone="error" detail={message?.detail} causes={message?.causes} fixes={message?.fixes}>
          {message?.message}
        </Alert>
        <Button type="button" variant="secondary" onClick={() => onDone(false)}>
          {text.cancel}
        </Button>
      </div>
    </dialog>
  );
}
