"use client";

import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui";
import type { StepUpText } from "@/lib/i18n/step-up-text";
import type { PasskeyView } from "@/lib/webauthn/passkeys";
import { AddPasskey, type AddPasskeyText } from "./add-passkey";
import { PasskeyList, type PasskeyListText } from "./passkey-list";
import { useStepUp } from "./step-up-dialog";

const NEEDS_TWO_FACTOR_ID = "add-passkey-needs-two-factor";

type Outcome = { tone: "success" | "error"; message: string; detail?: string };

/** Built by the account page in its language (app/(account)/account/account-text.tsx). */
export type PasskeysPanelText = {
  /** "…needs two-factor authentication…", its link to the two-factor page in place. */
  needsTwoFactor: ReactNode;
  list: PasskeyListText;
  add: AddPasskeyText;
  stepUp: StepUpText;
};

export function PasskeysPanel(props: {
  passkeys: PasskeyView[];
  hasTotp: boolean;
  account: { rpId: string; webauthnUserId: string; email: string };
  text: PasskeysPanelText;
  locale: string;
}) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { guard, dialog } = useStepUp(
    { hasTotp: props.hasTotp, hasPasskeys: props.passkeys.length > 0 },
    props.text.stepUp,
  );

  return (
    <div className="flex flex-col gap-5">
      <Alert tone={outcome?.tone ?? "info"} detail={outcome?.detail}>
        {outcome?.message}
      </Alert>
      <PasskeyList
        passkeys={props.passkeys}
        account={props.account}
        guard={guard}
        onOutcome={setOutcome}
        text={props.text.list}
        locale={props.locale}
      />
      {!props.hasTotp && (
        <p id={NEEDS_TWO_FACTOR_ID} className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {props.text.needsTwoFactor}
        </p>
      )}
      {/* Before 2FA the server refuses a new passkey: the button says so (its description is the notice) instead of
          letting a click end in the same words again, in red. */}
      <AddPasskey
        guard={guard}
        onOutcome={setOutcome}
        unavailableBecause={props.hasTotp ? undefined : NEEDS_TWO_FACTOR_ID}
        text={props.text.add}
      />
      {dialog}
    </div>
  );
}
