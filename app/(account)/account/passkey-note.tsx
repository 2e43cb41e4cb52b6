"use client";
// "A note only your passkey can open": written and read only in this page, sealed with a key from a passkey's PRF
// output (lib/notes/note-crypto.ts). The server keeps the sealed bytes and which passkey sealed them.
import { bufferToBase64URLString } from "@simplewebauthn/browser";
import { useState, type FormEvent } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { LocalTime } from "@/components/local-time";
import { Alert, Button } from "@/components/ui";
import { reachServer } from "@/lib/browser/server-unreachable";
import { fillIn, fillInText } from "@/lib/i18n/fill-in";
import {
  NOTE_MAX_BYTES,
  NOTE_SALT_BYTES,
  noteByteLength,
  openNoteText,
  randomBytes,
  sealNoteText,
} from "@/lib/notes/note-crypto";
import { fromBase64url, getAssertionWithPrf } from "./note-ceremony";
import { deleteNoteAction, openNoteAction, sealNoteAction, startNoteCeremonyAction } from "./note-actions";

type Outcome = { tone: "success" | "error"; message: string; detail?: string; causes?: string[]; fixes?: string[] };
export type NoteShown = { passkeyLabel: string; sealedAt: Date } | null;

/** The card's words in the page's language; `{label}`, `{date}` and `{bytes}` mark what the page fills in. */
export type PasskeyNoteText = {
  intro: string;
  sealedWith: string;
  open: string;
  delete: string;
  openedLabel: string;
  hide: string;
  none: string;
  write: string;
  writeNew: string;
  size: string;
  seal: string;
  addPasskeyFirst: string;
  sealed: string;
  noSalt: string;
  noPrf: string;
  didNotOpen: string;
  deleteTitle: string;
  deleteBody: string;
  cancel: string;
  deleted: string;
};

export function PasskeyNote({
  note,
  hasPasskeys,
  text,
  locale,
}: {
  note: NoteShown;
  hasPasskeys: boolean;
  text: PasskeyNoteText;
  locale: string;
}) {
  const [draft, setDraft] = useState("");
  const [opened, setOpened] = useState<string | null>(null);
  const [busy, setBusy] = useState<"seal" | "open" | "delete" | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { ask, dialog } = useConfirm();
  const bytes = noteByteLength(draft);

  async function run(what: "seal" | "open" | "delete", work: () => Promise<Outcome | null>) {
    setBusy(what);
    setOutcome(null);
    try {
      setOutcome(await work());
    } finally {
      setBusy(null);
    }
  }

  const seal = (event: FormEvent) => {
    event.preventDefault();
    return run("seal", async () => {
      const salt = randomBytes(NOTE_SALT_BYTES);
      const start = await reachServer(startNoteCeremonyAction("seal"));
      if (!start.ok) return { tone: "error", ...start };
      const got = await getAssertionWithPrf(start.data.options, salt, text.noPrf);
      if (!got.ok) return { tone: "error", ...got };
      const { iv, ciphertext } = await sealNoteText(got.prfOutput, draft);
      const sealed = { salt, iv, ciphertext };
      const encoded = Object.fromEntries(
        Object.entries(sealed).map(([k, v]) => [k, bufferToBase64URLString(v.buffer)]),
      );
      const saved = await reachServer(sealNoteAction(start.data.ceremonyId, got.response, encoded));
      if (!saved.ok) return { tone: "error", ...saved };
      setDraft("");
      setOpened(null);
      return { tone: "success", message: text.sealed };
    });
  };

  const open = () =>
    run("open", async () => {
      const start = await reachServer(startNoteCeremonyAction("open"));
      if (!start.ok) return { tone: "error", ...start };
      if (!start.data.salt) return { tone: "error", message: text.noSalt };
      const got = await getAssertionWithPrf(start.data.options, fromBase64url(start.data.salt), text.noPrf);
      if (!got.ok) return { tone: "error", ...got };
      const sealed = await reachServer(openNoteAction(start.data.ceremonyId, got.response));
      if (!sealed.ok) return { tone: "error", ...sealed };
      const plain = await openNoteText(got.prfOutput, {
        iv: fromBase64url(sealed.data.iv),
        ciphertext: fromBase64url(sealed.data.ciphertext),
      });
      if (plain === null) return { tone: "error", message: text.didNotOpen };
      setOpened(plain);
      return null;
    });

  const remove = async () => {
    const confirmed = await ask({
      title: text.deleteTitle,
      body: text.deleteBody,
      confirm: text.delete,
      cancel: text.cancel,
    });
    if (!confirmed) return;
    await run("delete", async () => {
      const deleted = await reachServer(deleteNoteAction());
      if (!deleted.ok) return { tone: "error", ...deleted };
      setOpened(null);
      return { tone: "success", message: text.deleted };
    });
  };

  return (
    <div className="flex flex-col gap-4 text-sm">
      <p className="text-slate-600">{text.intro}</p>
      {note ? (
        <div className="flex flex-col gap-2">
          <p>
            {fillIn(text.sealedWith, {
              label: <strong key="label">{note.passkeyLabel}</strong>,
              date: <LocalTime key="date" date={note.sealedAt} locale={locale} />,
            })}
          </p>
          {opened === null ? (
            <div className="flex flex-wrap gap-2">
              <Button type="button" onClick={open} busy={busy === "open"} disabled={busy !== null}>
                {text.open}
              </Button>
              <Button type="button" variant="danger" onClick={remove} busy={busy === "delete"} disabled={busy !== null}>
                {text.delete}
              </Button>
            </div>
          ) : (
            <section aria-label={text.openedLabel} className="flex flex-col gap-2">
              <p className="whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-3">{opened}</p>
              <Button type="button" variant="secondary" onClick={() => setOpened(null)} className="self-start">
                {text.hide}
              </Button>
            </section>
          )}
        </div>
      ) : (
        <p>{text.none}</p>
      )}
      {outcome && (
        <Alert tone={outcome.tone} detail={outcome.detail} causes={outcome.causes} fixes={outcome.fixes}>
          {outcome.message}
        </Alert>
      )}
      <form method="post" onSubmit={seal} className="flex flex-col gap-2">
        <label htmlFor="passkey-note-text" className="font-medium">
          {note ? text.writeNew : text.write}
        </label>
        <textarea
          id="passkey-note-text"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          rows={3}
          aria-describedby="passkey-note-size"
          className="rounded-md border border-slate-300 p-2"
        />
        <p id="passkey-note-size" className={`text-xs ${bytes > NOTE_MAX_BYTES ? "text-red-700" : "text-slate-600"}`}>
          {fillInText(text.size, { bytes: bytes.toLocaleString(locale) })}
        </p>
        <Button
          type="submit"
          className="self-start"
          busy={busy === "seal"}
          disabled={!hasPasskeys || busy !== null || bytes === 0 || bytes > NOTE_MAX_BYTES}
        >
          {text.seal}
        </Button>
        {!hasPasskeys && <p className="text-slate-600">{text.addPasskeyFirst}</p>}
      </form>
      {dialog}
    </div>
  );
}
