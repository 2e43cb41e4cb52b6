"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { reachServer } from "@/lib/browser/server-unreachable";
import { Alert, Button, Card, Field } from "@/components/ui";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { useStepUp } from "../step-up-dialog";
import { changePasswordAction, removePasswordAction } from "./actions";

type Outcome = { tone: "success" | "error"; message: string; detail?: string } | null;

export function PasswordForms({ hasTotp, passkeyCount }: { hasTotp: boolean; passkeyCount: number }) {
  const router = useRouter();
  const [changeOutcome, setChangeOutcome] = useState<Outcome>(null);
  const [removeOutcome, setRemoveOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState<"change" | "remove" | null>(null);
  const { guard, dialog } = useStepUp({ hasTotp, hasPasskeys: passkeyCount > 0 });

  async function change(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setBusy("change");
    const result = await reachServer(changePasswordAction(form.get("current"), form.get("next")));
    setBusy(null);
    if (!result.ok) return setChangeOutcome({ tone: "error", ...result });
    formElement.reset();
    setChangeOutcome({ tone: "success", message: "Password changed. Every other session has been signed out." });
  }

  async function remove() {
    setBusy("remove");
    const result = await guard("remove-password", () => removePasswordAction());
    setBusy(null);
    if (!result.ok) return setRemoveOutcome({ tone: "error", ...result });
    router.push("/account");
  }

  return (
    <>
      <Card title="Change password">
        <form onSubmit={change} className="flex flex-col gap-4">
          <Field
            id="current"
            name="current"
            type="password"
            label="Current password"
            autoComplete="current-password"
            required
          />
          <Field
            id="next"
            name="next"
            type="password"
            label="New password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN_LENGTH}
            required
            hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          />
          <Alert tone={changeOutcome?.tone ?? "info"}>{changeOutcome?.message}</Alert>
          <Button type="submit" busy={busy === "change"} className="self-start">
            Change password
          </Button>
        </form>
      </Card>
      <Card title="Go passwordless">
        <div className="flex flex-col gap-3">
          <p className="text-sm text-slate-700">
            Remove your password and sign in with passkeys only. You need at least one passkey; the last one can then
            not be removed.
          </p>
          {passkeyCount === 0 && <p className="text-sm text-amber-900">Add a passkey first.</p>}
          <Alert tone={removeOutcome?.tone ?? "info"} detail={removeOutcome?.detail}>
            {removeOutcome?.message}
          </Alert>
          <Button
            type="button"
            variant="danger"
            busy={busy === "remove"}
            onClick={() => void remove()}
            className="self-start"
          >
            Remove password
          </Button>
        </div>
      </Card>
      {dialog}
    </>
  );
}
