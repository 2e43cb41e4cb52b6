"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { reachServer } from "@/lib/browser/server-unreachable";
import { Alert, Button, Card, Field } from "@/components/ui";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import type { StepUpText } from "@/lib/i18n/step-up-text";
import { useStepUp } from "../step-up-dialog";
import { changePasswordAction, removePasswordAction } from "./actions";

type Outcome = { tone: "success" | "error"; message: string; detail?: string } | null;

/** The forms' words in the page's language, translated on the server (page.tsx; decision 027). */
export type PasswordFormsText = {
  changeTitle: string;
  current: string;
  new: string;
  /** "At least 12 characters." */
  hint: string;
  change: string;
  changed: string;
  removeTitle: string;
  removeBody: string;
  addPasskeyFirst: string;
  remove: string;
  stepUp: StepUpText;
};

export function PasswordForms({
  hasTotp,
  passkeyCount,
  text: t,
}: {
  hasTotp: boolean;
  passkeyCount: number;
  text: PasswordFormsText;
}) {
  const router = useRouter();
  const [changeOutcome, setChangeOutcome] = useState<Outcome>(null);
  const [removeOutcome, setRemoveOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState<"change" | "remove" | null>(null);
  const { guard, dialog } = useStepUp({ hasTotp, hasPasskeys: passkeyCount > 0 }, t.stepUp);

  async function change(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setBusy("change");
    const result = await reachServer(changePasswordAction(form.get("current"), form.get("next")));
    setBusy(null);
    if (!result.ok) return setChangeOutcome({ tone: "error", ...result });
    formElement.reset();
    setChangeOutcome({ tone: "success", message: t.changed });
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
      <Card title={t.changeTitle}>
        <form method="post" onSubmit={change} className="flex flex-col gap-4">
          <Field
            id="current"
            name="current"
            type="password"
            label={t.current}
            autoComplete="current-password"
            required
          />
          <Field
            id="next"
            name="next"
            type="password"
            label={t.new}
            autoComplete="new-password"
            minLength={PASSWORD_MIN_LENGTH}
            required
            hint={t.hint}
          />
          <Alert tone={changeOutcome?.tone ?? "info"}>{changeOutcome?.message}</Alert>
          <Button type="submit" busy={busy === "change"} className="self-start">
            {t.change}
          </Button>
        </form>
      </Card>
      <Card title={t.removeTitle}>
        <div className="flex flex-col gap-3">
          <p className="text-sm text-slate-700">{t.removeBody}</p>
          {passkeyCount === 0 && <p className="text-sm text-amber-900">{t.addPasskeyFirst}</p>}
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
            {t.remove}
          </Button>
        </div>
      </Card>
      {dialog}
    </>
  );
}
