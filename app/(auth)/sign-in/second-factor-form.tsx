"use client";

import { useActionState, useState } from "react";
import { SecondFactorField } from "@/components/second-factor-field";
import { Alert, Button } from "@/components/ui";
import { DEFAULT_RETURN_PATH } from "@/lib/auth/return-path";
import type { SecondFactorText } from "@/lib/i18n/second-factor-text";
import { completeSecondFactorAction, type SecondFactorState } from "./actions";

type Props = { pendingToken: string; returnTo: string; text: SecondFactorText };

export function SecondFactorForm({ pendingToken, returnTo, text }: Props) {
  const [state, action, pending] = useActionState<SecondFactorState, FormData>(completeSecondFactorAction, null);
  const [kind, setKind] = useState<"totp" | "recovery-code">("totp");
  // The answer to the last try, hidden once the person switches to the other kind of code: it was about that one.
  const [dismissed, setDismissed] = useState<SecondFactorState>(null);
  const totp = kind === "totp";

  function switchKind() {
    setKind(totp ? "recovery-code" : "totp");
    setDismissed(state);
  }
  return (
    <form action={action} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">{text.title}</h2>
      <input type="hidden" name="pendingToken" value={pendingToken} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <SecondFactorField id="code" kind={kind} labels={text.labels} />
      <Alert tone="error">{state !== dismissed ? state?.message : null}</Alert>
      <Button type="submit" busy={pending}>
        {text.verify}
      </Button>
      <button type="button" className="text-start text-sm text-brand-700 underline" onClick={() => switchKind()}>
        {totp ? text.useRecoveryCode : text.useAuthenticatorCode}
      </button>
      {/* A full page load: the pending sign-in lives only in this form's state. */}
      <a
        href={returnTo === DEFAULT_RETURN_PATH ? "/sign-in" : `/sign-in?next=${encodeURIComponent(returnTo)}`}
        className="text-sm text-slate-600 underline"
      >
        {text.startOver}
      </a>
    </form>
  );
}
