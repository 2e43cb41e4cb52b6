"use client";

import { useState } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { Alert, Button } from "@/components/ui";
import { useStepUp } from "../step-up-dialog";
import { replaceRecoveryCodesAction } from "./actions";
import { RecoveryCodeList } from "./recovery-code-list";

type Message = { message: string; detail?: string } | null;

/** Makes a new set of recovery codes, after a step-up; the old set stops working. */
export function ReplaceRecoveryCodes({ hasPasskeys }: { hasPasskeys: boolean }) {
  const { guard, dialog: stepUpDialog } = useStepUp({ hasTotp: true, hasPasskeys });
  const { ask, dialog: confirmDialog } = useConfirm();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  async function replace() {
    const confirmed = await ask({
      title: "Make new recovery codes?",
      body: "Your current recovery codes stop working at once, used or not. Save the new ones before you leave the page.",
      confirm: "Make new codes",
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
        <Alert tone="success">New recovery codes made. The old ones no longer work.</Alert>
        <RecoveryCodeList codes={codes} />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <Alert tone="error" detail={message?.detail}>
        {message?.message}
      </Alert>
      <Button type="button" variant="secondary" onClick={() => void replace()} busy={busy} className="self-start">
        Make new recovery codes
      </Button>
      {confirmDialog}
      {stepUpDialog}
    </div>
  );
}
