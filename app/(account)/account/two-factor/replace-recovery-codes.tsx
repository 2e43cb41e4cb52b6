"use client";

import { useState } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { Alert, Button } from "@/components/ui";
import type { StepUpText } from "@/lib/i18n/step-up-text";
import { useStepUp } from "../step-up-dialog";
import { replaceRecoveryCodesAction } from "./actions";
import { RecoveryCodeList, type RecoveryCodeListText } from "./recovery-code-list";

type Message = { message: string; detail?: string } | null;

/** The words in the page's language, translated on the server (text.ts; decision 027). */
export type ReplaceRecoveryCodesText = {
  confirmTitle: string;
  confirmBody: string;
  confirm: string;
  done: string;
  button: string;
  codes: RecoveryCodeListText;
  stepUp: StepUpText;
};

/** Makes a new set of recovery codes, after a step-up; the old set stops working. */
export function ReplaceRecoveryCodes({
  hasPasskeys,
  text: t,
}: {
  hasPasskeys: boolean;
  text: ReplaceRecoveryCodesText;
}) {
  const { guard, dialog: stepUpDialog } = useStepUp({ hasTotp: true, hasPasskeys }, t.stepUp);
  const { ask, dialog: confirmDialog } = useConfirm();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  async function replace() {
    const confirmed = await ask({
      title: t.confirmTitle,
      body: t.confirmBody,
      confirm: t.confirm,
      cancel: t.stepUp.cancel,
    });
    if (!confirmed) return;
    setMessage(null);
    setBusy(true);
    const result = await guard("recovery-codes", () => replaceRecoveryCodesAction());
    setBusy(false);
    if (result.ok) setCodes(result.data.recoveryCodes);
    else setMessage(result);
  }

  if (codes) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success">{t.done}</Alert>
        <RecoveryCodeList codes={codes} text={t.codes} />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <Alert tone="error" detail={message?.detail}>
        {message?.message}
      </Alert>
      <Button type="button" variant="secondary" onClick={() => void replace()} busy={busy} className="self-start">
        {t.button}
      </Button>
      {confirmDialog}
      {stepUpDialog}
    </div>
  );
}
