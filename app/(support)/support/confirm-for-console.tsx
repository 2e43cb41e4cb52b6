"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, Button } from "@/components/ui";
import { stepUpWithPasskey } from "@/app/(account)/account/passkey-step-up";

type Message = { message: string; detail?: string; causes?: string[]; fixes?: string[] } | null;

/** A user-verified passkey check that opens the console for 15 minutes in this session (lib/support/console-access.ts). */
export function ConfirmForConsole({ label }: { label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function confirm() {
    setBusy(true);
    setMessage(null);
    try {
      const result = await stepUpWithPasskey("support-console");
      if (!result.ok) return setMessage(result);
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <Button type="button" busy={busy} onClick={() => void confirm()} className="self-start">
        {label}
      </Button>
      <Alert tone="error" detail={message?.detail} causes={message?.causes} fixes={message?.fixes}>
        {message?.message}
      </Alert>
    </div>
  );
}
