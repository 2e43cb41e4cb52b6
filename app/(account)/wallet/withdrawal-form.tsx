"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useState, type FormEvent, type ReactNode } from "react";
import { reachServer } from "@/lib/browser/server-unreachable";
import { Alert, Button, Field } from "@/components/ui";
import { describeBrowserError } from "@/lib/browser/webauthn-browser";
import { reported } from "@/lib/browser/report-ceremony";
import { fillInText } from "@/lib/i18n/fill-in";
import { finishWithdrawalAction, startWithdrawalAction } from "./actions";
import { ADDRESS_MAX_LENGTH, AMOUNT_MAX_LENGTH } from "./request-limits";

type Outcome = {
  tone: "success" | "error";
  message: string;
  detail?: string;
  causes?: string[];
  fixes?: string[];
} | null;

/** The form's words in the page's language, translated on the server (page.tsx; decision 027). */
export type WithdrawalFormText = {
  amount: string;
  destination: string;
  demoAddresses: ReactNode;
  useDemoAddress: string;
  confirmWithPasskey: string;
  /** With {amount} and {destination} slots the form fills in (lib/i18n/fill-in.ts). */
  sent: string;
  submit: string;
};

export function WithdrawalForm({ exampleAddress, text: t }: { exampleAddress: string; text: WithdrawalFormText }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [destination, setDestination] = useState("");

  async function withdraw(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const request = { amount: String(new FormData(form).get("amount") ?? ""), destination };
    setBusy(true);
    setOutcome(null);
    try {
      const start = await reachServer(startWithdrawalAction(request));
      if (!start.ok) return setOutcome({ tone: "error", ...start });
      let response;
      try {
        response = await reported("withdrawal", () => startAuthentication({ optionsJSON: start.data.options }));
      } catch (error) {
        return setOutcome({ tone: "error", ...(await describeBrowserError(error, "get")) });
      }
      const result = await reachServer(finishWithdrawalAction(start.data.ceremonyId, request, response));
      if (!result.ok) return setOutcome({ tone: "error", ...result });
      form.reset();
      setDestination("");
      setOutcome({
        tone: "success",
        message: fillInText(t.sent, { amount: start.data.amount, destination: start.data.destination }),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form method="post" onSubmit={withdraw} className="flex flex-col gap-4">
      <Field
        id="amount"
        name="amount"
        label={t.amount}
        inputMode="decimal"
        autoComplete="off"
        placeholder="0.25"
        maxLength={AMOUNT_MAX_LENGTH}
        required
      />
      <Field
        id="destination"
        name="destination"
        label={t.destination}
        autoComplete="off"
        spellCheck={false}
        maxLength={ADDRESS_MAX_LENGTH}
        value={destination}
        onChange={(event) => setDestination(event.target.value)}
        required
        hint={
          <>
            {t.demoAddresses}{" "}
            <button type="button" className="text-brand-700 underline" onClick={() => setDestination(exampleAddress)}>
              {t.useDemoAddress}
            </button>
          </>
        }
      />
      <p className="text-xs text-slate-600">{t.confirmWithPasskey}</p>
      <Alert tone={outcome?.tone ?? "info"} detail={outcome?.detail} causes={outcome?.causes} fixes={outcome?.fixes}>
        {/* An address is one long word: let it break anywhere rather than overflow a narrow screen. */}
        {outcome && <span className="wrap-anywhere">{outcome.message}</span>}
      </Alert>
      <Button type="submit" busy={busy} className="self-start">
        {t.submit}
      </Button>
    </form>
  );
}
