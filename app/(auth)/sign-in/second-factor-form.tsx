"use client";

import { useActionState, useState } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { DEFAULT_RETURN_PATH } from "@/lib/auth/return-path";
import { completeSecondFactorAction, type SecondFactorState } from "./actions";

export function SecondFactorForm({ pendingToken, returnTo }: { pendingToken: string; returnTo: string }) {
  const [state, action, pending] = useActionState<SecondFactorState, FormData>(completeSecondFactorAction, null);
  const [kind, setKind] = useState<"totp" | "recovery-code">("totp");
  const totp = kind === "totp";
  return (
    <form action={action} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold">Two-factor authentication</h2>
      <input type="hidden" name="pendingToken" value={pendingToken} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <Field
        key={kind}
        id="code"
        name="code"
        label={totp ? "Code from your authenticator app" : "Recovery code"}
        autoComplete="one-time-code"
        inputMode={totp ? "numeric" : "text"}
        pattern={totp ? "[0-9 ]{6,7}" : undefined}
        autoFocus
        required
      />
      <Alert tone="error">{state?.message}</Alert>
      <Button type="submit" busy={pending}>
        Verify
      </Button>
      <button type="button" className="text-left text-sm text-brand-700 underline" onClick={() => setKind(totp ? "recovery-code" : "totp")}>
        {totp ? "Use a recovery code instead" : "Use an authenticator code instead"}
      </button>
      {/* A full page load: the pending sign-in lives only in this form's state. */}
      <a href={returnTo === DEFAULT_RETURN_PATH ? "/sign-in" : `/sign-in?next=${encodeURIComponent(returnTo)}`} className="text-sm text-slate-600 underline">
        Start over
      </a>
    </form>
  );
}
