"use client";

import { useState, type FormEvent } from "react";
import { AuthenticatorMetadata } from "@/components/authenticator-metadata";
import { useConfirm } from "@/components/confirm-dialog";
import { LocalTime } from "@/components/local-time";
import { reachServer } from "@/lib/browser/server-unreachable";
import { Badge, Button } from "@/components/ui";
import { signalAllAcceptedCredentials, signalCurrentUserDetails } from "@/lib/browser/webauthn-browser";
import type { StepUpPurpose } from "@/lib/db/schema";
import { fillInText } from "@/lib/i18n/fill-in";
import type { Result } from "@/lib/result";
import type { PasskeyView } from "@/lib/webauthn/passkeys";
import { transportName, type TransportNames } from "@/lib/webauthn/transport-names";
import { removePasskeyAction, renamePasskeyAction } from "./actions";

type Guard = <T>(purpose: StepUpPurpose, run: () => Promise<Result<T>>) => Promise<Result<T>>;
type Outcome = { tone: "success" | "error"; message: string; detail?: string };
type Account = { rpId: string; webauthnUserId: string; email: string };

const storageTone = { synced: "good", "sync-eligible": "neutral", "device-bound": "neutral" } as const;

/** The list's words in the page's language; `{label}` marks where a passkey's name goes (lib/i18n/fill-in.ts). */
export type PasskeyListText = {
  none: string;
  listLabel: string;
  storage: Record<PasskeyView["storage"], { badge: string; help: string }>;
  cannotSignIn: string;
  noPrf: string;
  addedAutomatically: string;
  stale: string;
  active: string;
  transports: TransportNames;
  noCertification: string;
  name: string;
  save: string;
  cancel: string;
  rename: string;
  renameLabel: string;
  renamed: string;
  remove: string;
  removeLabel: string;
  removeTitle: string;
  removeBody: string;
  removeConfirm: string;
  removed: string;
  created: string;
  lastUsed: string;
  never: string;
  storageLabel: string;
  cannotSignInHelp: string;
  staleHelp: string;
};

type ListProps = {
  passkeys: PasskeyView[];
  account: Account;
  guard: Guard;
  onOutcome: (outcome: Outcome) => void;
  text: PasskeyListText;
  /** The page's language, for dates (components/local-time.tsx). */
  locale: string;
};

/** `passkeys`: their words already in the page's language (lib/webauthn/passkey-words.ts). */
export function PasskeyList(props: ListProps) {
  if (props.passkeys.length === 0) {
    return <p className="text-sm text-slate-600">{props.text.none}</p>;
  }
  return (
    <ul className="flex flex-col gap-3" aria-label={props.text.listLabel}>
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
  text,
  locale,
}: Omit<ListProps, "passkeys"> & { passkey: PasskeyView }) {
  const [editing, setEditing] = useState(false);
  const { ask, dialog } = useConfirm();
  const [busy, setBusy] = useState<"rename" | "remove" | null>(null);
  const storage = text.storage[passkey.storage];
  const named = (sentence: string, label = passkey.label) => fillInText(sentence, { label });

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy("rename");
    const result = await reachServer(renamePasskeyAction(passkey.id, new FormData(event.currentTarget).get("label")));
    setBusy(null);
    if (!result.ok) return onOutcome({ tone: "error", ...result });
    setEditing(false);
    onOutcome({ tone: "success", message: named(text.renamed, result.data.label) });
    await signalCurrentUserDetails(account.rpId, account.webauthnUserId, account.email);
  }

  async function remove() {
    const confirmed = await ask({
      title: named(text.removeTitle),
      body: text.removeBody,
      confirm: text.removeConfirm,
      cancel: text.cancel,
    });
    if (!confirmed) return;
    setBusy("remove");
    const result = await guard("remove-passkey", () => removePasskeyAction(passkey.id));
    setBusy(null);
    if (!result.ok) return onOutcome({ tone: "error", ...result });
    onOutcome({ tone: "success", message: named(text.removed) });
    await signalAllAcceptedCredentials(account.rpId, account.webauthnUserId, result.data.remaining);
  }

  return (
    <li className="rounded-md border border-slate-200 p-4" aria-label={passkey.label}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          {editing ? (
            <form method="post" onSubmit={rename} className="flex flex-wrap items-end gap-2">
              <label className="flex flex-col text-sm font-medium">
                {text.name}
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
                {text.save}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
                {text.cancel}
              </Button>
            </form>
          ) : (
            <h3 className="font-medium">{passkey.label}</h3>
          )}
          {/* A new passkey is named after its authenticator: say the name once until the person renames it. */}
          {passkey.authenticator !== passkey.label && <p className="text-sm text-slate-600">{passkey.authenticator}</p>}
          <AuthenticatorMetadata metadata={passkey.metadata} noCertification={text.noCertification} />
          <div className="flex flex-wrap gap-2">
            <Badge tone={storageTone[passkey.storage]}>{storage.badge}</Badge>
            {!passkey.canSignIn && <Badge tone="warn">{text.cannotSignIn}</Badge>}
            {passkey.prfEnabled === false && <Badge>{text.noPrf}</Badge>}
            {passkey.addedAutomatically && <Badge>{text.addedAutomatically}</Badge>}
            {passkey.stale ? <Badge tone="warn">{text.stale}</Badge> : <Badge tone="good">{text.active}</Badge>}
            {passkey.transports.map((transport) => (
              <Badge key={transport}>{transportName(transport, text.transports)}</Badge>
            ))}
          </div>
        </div>
        {!editing && (
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setEditing(true)} aria-label={named(text.renameLabel)}>
              {text.rename}
            </Button>
            <Button
              variant="danger"
              busy={busy === "remove"}
              onClick={() => void remove()}
              aria-label={named(text.removeLabel)}
            >
              {text.remove}
            </Button>
          </div>
        )}
      </div>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-xs text-slate-600 sm:grid-cols-2">
        <div>
          <dt className="inline font-medium">{text.created} </dt>
          <dd className="inline">
            <LocalTime date={passkey.createdAt} locale={locale} /> · {passkey.createdWith}
          </dd>
        </div>
        <div>
          <dt className="inline font-medium">{text.lastUsed} </dt>
          <dd className="inline">
            {passkey.lastUsedAt ? (
              <>
                <LocalTime date={passkey.lastUsedAt} locale={locale} /> · {passkey.lastUsedWith}
              </>
            ) : (
              text.never
            )}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="inline font-medium">{text.storageLabel} </dt>
          <dd className="inline">{storage.help}</dd>
        </div>
      </dl>
      {dialog}
      {!passkey.canSignIn && <p className="mt-2 text-xs text-amber-900">{text.cannotSignInHelp}</p>}
      {passkey.stale && <p className="mt-2 text-xs text-amber-900">{text.staleHelp}</p>}
    </li>
  );
}
