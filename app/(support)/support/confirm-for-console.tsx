"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { reachServer } from "@/components/server-unreachable";
import { Alert, Button } from "@/components/ui";
import { describeBrowserError } from "@/components/webauthn-browser";
import { finishPasskeyStepUpAction, startPasskeyStepUpAction } from "@/app/(account)/account/actions";

type Message = { message: string; detail?: string } | null;

/** A user-verified passkey check that opens the console for 15 minutes in this session (lib/support/console-access.ts). */
export function ConfirmForConsole() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function confirm() {
    setBusy(true);
    setMessage(null);
    try {
      const start = await reachServer(startPasskeyStepUpAction());
      if (!start.ok) return setMessage(start);
      let response;
      try {
        response = await startAuthentication({ optionsJSON: start.data.options });
      } catch (error) {
        return setMessage(await describeBrowserError(error, "get"));
      }
      const result = await reachServer(finishPasskeyStepUpAction(start.data.ceremonyId, response, "support-console"));
      if (!result.ok) return setMessage(result);
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <Button type="button" busy={busy} onClick={() => void confirm()} className="self-start">
        Open the console with a passkey
      </Button>
      <Alert tone="error" detail={message?.detail}>
        {message?.message}
      </Alert>
    </div>
  );
}
