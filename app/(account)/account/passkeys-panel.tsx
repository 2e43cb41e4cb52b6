"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui";
import type { PasskeyView } from "@/lib/webauthn/passkeys";
import { AddPasskey } from "./add-passkey";
import { PasskeyList } from "./passkey-list";
import { useStepUp } from "./step-up-dialog";

const NEEDS_TWO_FACTOR_ID = "add-passkey-needs-two-factor";

type Outcome = { tone: "success" | "error"; message: string; detail?: string };

export function PasskeysPanel(props: {
  passkeys: PasskeyView[];
  hasTotp: boolean;
  account: { rpId: string; webauthnUserId: string; email: string };
}) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { guard, dialog } = useStepUp({ hasTotp: props.hasTotp, hasPasskeys: props.passkeys.length > 0 });

  return (
    <div className="flex flex-col gap-5">
      <Alert tone={outcome?.tone ?? "info"} detail={outcome?.detail}>
        {outcome?.message}
      </Alert>
      <PasskeyList passkeys={props.passkeys} account={props.account} guard={guard} onOutcome={setOutcome} />
      {!props.hasTotp && (
        <p id={NEEDS_TWO_FACTOR_ID} className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          Like a careful exchange, this account needs{" "}
          <Link href="/account/two-factor" className="font-medium underline">
            two-factor authentication
          </Link>{" "}
          before it accepts a passkey.
        </p>
      )}
      {/* Before 2FA the server refuses a new passkey: the button says so (its description is the notice) instead of
          letting a click end in the same words again, in red. */}
      <AddPasskey
        guard={guard}
        onOutcome={setOutcome}
        unavailableBecause={props.hasTotp ? undefined : NEEDS_TWO_FACTOR_ID}
      />
      {dialog}
    </div>
  );
}
