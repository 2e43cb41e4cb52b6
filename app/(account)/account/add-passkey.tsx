"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { useState, type FormEvent } from "react";
import { reachServer } from "@/lib/browser/server-unreachable";
import { Button } from "@/components/ui";
import { describeBrowserError } from "@/lib/browser/webauthn-browser";
import { reported } from "@/lib/browser/report-ceremony";
import type { StepUpPurpose } from "@/lib/db/schema";
import { fillInText } from "@/lib/i18n/fill-in";
import type { Result } from "@/lib/result";
import { finishRegistrationAction, startRegistrationAction } from "./actions";

const LOCATIONS = ["this-device", "phone", "security-key"] as const;

/** The form's words in the page's language; `{label}` in `added` marks where the new passkey's name goes. */
export type AddPasskeyText = {
  where: string;
  locations: Record<(typeof LOCATIONS)[number], { title: string; body: string }>;
  add: string;
  added: string;
  securityKeyPin: string;
};

type Guard = <T>(purpose: StepUpPurpose, run: () => Promise<Result<T>>) => Promise<Result<T>>;
type Outcome = { tone: "success" | "error"; message: string; detail?: string };

/** `unavailableBecause`: the id of the text that says why a passkey cannot be added yet; the form is then disabled. */
export function AddPasskey({
  guard,
  onOutcome,
  unavailableBecause,
  text,
}: {
  guard: Guard;
  onOutcome: (outcome: Outcome) => void;
  unavailableBecause?: string;
  text: AddPasskeyText;
}) {
  const unavailable = unavailableBecause !== undefined;
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const location = new FormData(event.currentTarget).get("location");
    setBusy(true);
    try {
      const start = await guard("add-passkey", () => startRegistrationAction(location));
      if (!start.ok) return onOutcome({ tone: "error", ...start });
      let response;
      try {
        response = await reported("add-passkey", () => startRegistration({ optionsJSON: start.data.options }));
      } catch (error) {
        const failure = await describeBrowserError(error, "create");
        // Chromium and others refuse to put a passkey on a security key without a PIN, with the same error as a cancel:
        // a sentence of its own after the browser's.
        const pinHint = location === "security-key" && failure.cancelled ? ` ${text.securityKeyPin}` : "";
        return onOutcome({ tone: "error", ...failure, message: failure.message + pinHint });
      }
      const result = await reachServer(finishRegistrationAction(start.data.ceremonyId, response));
      onOutcome(
        result.ok
          ? { tone: "success", message: fillInText(text.added, { label: result.data.label }) }
          : { tone: "error", ...result },
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form method="post" onSubmit={add} className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-2 disabled:opacity-60" disabled={unavailable}>
        <legend className="mb-1 text-sm font-medium">{text.where}</legend>
        {LOCATIONS.map((location, index) => (
          <label
            key={location}
            className="flex cursor-pointer gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input type="radio" name="location" value={location} defaultChecked={index === 0} className="mt-1" />
            <span>
              <span className="block text-sm font-medium">{text.locations[location].title}</span>
              <span className="block text-xs text-slate-600">{text.locations[location].body}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Button
        type="submit"
        busy={busy}
        disabled={unavailable}
        aria-describedby={unavailableBecause}
        className="self-start"
      >
        {text.add}
      </Button>
    </form>
  );
}
