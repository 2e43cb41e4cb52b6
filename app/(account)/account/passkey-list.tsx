"use client";

import { useState, type FormEvent } from "react";
import { AuthenticatorMetadata } from "@/components/authenticator-metadata";
import { useConfirm } from "@/components/confirm-dialog";
import { LocalTime } from "@/components/local-time";
import { reachServer } from "@/lib/browser/server-unreachable";
import { Badge, Button } from "@/components/ui";
import { signalAllAcceptedCredentials, signalCurrentUserDetails } from "@/lib/browser/webauthn-browser";
import type { StepUpPurpose } from "@/lib/db/schema";
import type { Result } from "@/lib/result";
import type { PasskeyView } from "@/lib/webauthn/passkeys";
import { transportName } from "@/lib/webauthn/transport-names";
import { removePasskeyAction, renamePasskeyAction } from "./actions";

type Guard = <T>(purpose: StepUpPurpose, run: () => Promise<Result<T>>) => Promise<Result<T>>;
type Outcome = { tone: "success" | "error"; message: string; detail?: string };
type Account = { rpId: string; webauthnUserId: string; email: string };

const storageText = {
  synced: { badge: "Synced", tone: "good", text: "Backed up by its provider and available on your other devices." },
  "sync-eligible": { badge: "Can sync", tone: "neutral", text: "Its provider can back it up, but has not yet." },
  "device-bound": { badge: "Device-bound", tone: "neutral", text: "Lives only on this authenticator; lost with it." },
} as const;

export function PasskeyList(props: {
  passkeys: PasskeyView[];
  account: Account;
  guard: Guard;
  onOutcome: (outcome: Outcome) => void;
}) {
  if (props.passkeys.length === 0) {
    return <p className="text-sm text-slate-600">No passkeys yet. Add one to sign in without a password or code.</p>;
  }
  return (
    <ul className="flex flex-col gap-3" aria-label="Your passkeys">
      {props.passkeys.map((passkey) => (
        <PasskeyItem key={passkey.id} passkey={passkey} {...props} />
      ))}
    </ul>
  );
}

function PasskeyItem({
  passkey,
  account,
  guard,
  onOutcome,
}: {
  passkey: PasskeyView;
  account: Account;
  guard: Guard;
  onOutcome: (outcome: Outcome) => void;
}) {
  const [editing, setEditing] = useState(false);
  const { ask, dialog } = useConfirm();
  const [busy, setBusy] = useState<"rename" | "remove" | null>(null);
  const storage = storageText[passkey.storage];

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy("rename");
    const result = await reachServer(renamePasskeyAction(passkey.id, new FormData(event.currentTarget).get("label")));
    setBusy(null);
    if (!result.ok) return onOutcome({ tone: "error", ...result });
    setEditing(false);
    onOutcome({ tone: "success", message: `Renamed to “${result.data.label}”.` });
    await signalCurrentUserDetails(account.rpId, account.webauthnUserId, account.email);
  }

  async function remove() {
    const confirmed = await ask({
      title: `Remove “${passkey.label}”?`,
      body: "You will no longer be able to sign in with this passkey. You'll confirm it's you next.",
      confirm: "Remove passkey",
    });
    if (!confirmed) return;
    setBusy("remove");
    const result = await guard("remove-passkey", () => removePasskeyAction(passkey.id));
    setBusy(null);
    if (!result.ok) return onOutcome({ tone: "error", ...result });
    onOutcome({
      tone: "success",
      message: `Passkey “${passkey.label}” removed. You can also delete it from your device or password manager.`,
    });
    await signalAllAcceptedCredentials(account.rpId, account.webauthnUserId, result.data.remaining);
  }

  return (
    <li className="rounded-md border border-slate-200 p-4" aria-label={passkey.label}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          {editing ? (
            <form onSubmit={rename} className="flex flex-wrap items-end gap-2">
              <label className="flex flex-col text-sm font-medium">
                Passkey name
                <input
                  name="label"
                  defaultValue={passkey.label}
                  maxLength={64}
                  required
                  autoFocus
                  className="rounded-md border border-slate-300 px-2 py-1 font-normal"
                />
              </label>
              <Button type="submit" busy={busy === "rename"}>
                Save
              </Button>
              <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </form>
          ) : (
            <h3 className="font-medium">{passkey.label}</h3>
          )}
          {/* A new passkey is named after its authenticator: say the name once until the person renames it. */}
          {passkey.authenticator !== passkey.label && <p className="text-sm text-slate-600">{passkey.authenticator}</p>}
          <AuthenticatorMetadata metadata={passkey.metadata} />
          <div className="flex flex-wrap gap-2">
            <Badge tone={storage.tone}>{storage.badge}</Badge>
            {!passkey.canSignIn && <Badge tone="warn">Can&apos;t sign in</Badge>}
            {passkey.addedAutomatically && <Badge>Added automatically</Badge>}
            {passkey.stale ? <Badge tone="warn">Not used for 90 days</Badge> : <Badge tone="good">Active</Badge>}
            {passkey.transports.map((transport) => (
              <Badge key={transport}>{transportName(transport)}</Badge>
            ))}
          </div>
        </div>
        {!editing && (
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setEditing(true)} aria-label={`Rename ${passkey.label}`}>
              Rename
            </Button>
            <Button
              variant="danger"
              busy={busy === "remove"}
              onClick={() => void remove()}
              aria-label={`Remove ${passkey.label}`}
            >
              Remove
            </Button>
          </div>
        )}
      </div>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-xs text-slate-600 sm:grid-cols-2">
        <div>
          <dt className="inline font-medium">Created: </dt>
          <dd className="inline">
            <LocalTime date={passkey.createdAt} /> · {passkey.createdWith}
          </dd>
        </div>
        <div>
          <dt className="inline font-medium">Last used: </dt>
          <dd className="inline">
            {passkey.lastUsedAt ? (
              <>
                <LocalTime date={passkey.lastUsedAt} /> · {passkey.lastUsedWith}
              </>
            ) : (
              "Never"
            )}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="inline font-medium">Storage: </dt>
          <dd className="inline">{storage.text}</dd>
        </div>
      </dl>
      {dialog}
      {!passkey.canSignIn && (
        <p className="mt-2 text-xs text-amber-900">
          This passkey was made without your PIN, fingerprint or face, so it can&apos;t sign you in and doesn&apos;t
          count as a way in. Once that device has a PIN or biometrics, sign in with this passkey once and it will count.
        </p>
      )}
      {passkey.stale && (
        <p className="mt-2 text-xs text-amber-900">
          You haven&apos;t used this passkey for 90 days. If you no longer have the device or password manager that
          holds it, remove it.
        </p>
      )}
    </li>
  );
}
