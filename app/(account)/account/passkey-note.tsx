"use client";
// "A note only your passkey can open": written and read only in this page, sealed with a key from a passkey's PRF
// output (lib/notes/note-crypto.ts). The server keeps the sealed bytes and which passkey sealed them.
import { bufferToBase64URLString } from "@simplewebauthn/browser";
import { useState, type FormEvent } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { LocalTime } from "@/components/local-time";
import { Alert, Button } from "@/components/ui";
import { reachServer } from "@/lib/browser/server-unreachable";
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

export function PasskeyNote({ note, hasPasskeys }: { note: NoteShown; hasPasskeys: boolean }) {
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
      const got = await getAssertionWithPrf(start.data.options, salt);
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
      return { tone: "success", message: "Note sealed. Only the passkey you just used can open it." };
    });
  };

  const open = () =>
    run("open", async () => {
      const start = await reachServer(startNoteCeremonyAction("open"));
      if (!start.ok) return { tone: "error", ...start };
      if (!start.data.salt) return { tone: "error", message: "The server sent no salt for this note." };
      const got = await getAssertionWithPrf(start.data.options, fromBase64url(start.data.salt));
      if (!got.ok) return { tone: "error", ...got };
      const sealed = await reachServer(openNoteAction(start.data.ceremonyId, got.response));
      if (!sealed.ok) return { tone: "error", ...sealed };
      const text = await openNoteText(got.prfOutput, {
        iv: fromBase64url(sealed.data.iv),
        ciphertext: fromBase64url(sealed.data.ciphertext),
      });
      if (text === null) {
        return {
          tone: "error",
          message: "The passkey's secret didn't open this note: it was changed or sealed otherwise.",
        };
      }
      setOpened(text);
      return null;
    });

  const remove = async () => {
    const confirmed = await ask({
      title: "Delete your note?",
      body: "Nobody can get it back: the server never had a readable copy.",
      confirm: "Delete note",
    });
    if (!confirmed) return;
    await run("delete", async () => {
      const deleted = await reachServer(deleteNoteAction());
      if (!deleted.ok) return { tone: "error", ...deleted };
      setOpened(null);
      return { tone: "success", message: "Note deleted." };
    });
  };

  return (
    <div className="flex flex-col gap-4 text-sm">
      <p className="text-slate-600">
        Your browser locks this note with a key that only one of your passkeys can give it (the PRF extension). This
        site stores the locked note but cannot read it; opening it asks for that passkey again.
      </p>
      {note ? (
        <div className="flex flex-col gap-2">
          <p>
            A note sealed with <strong>{note.passkeyLabel}</strong> on <LocalTime date={note.sealedAt} />. Removing that
            passkey deletes the note.
          </p>
          {opened === null ? (
            <div className="flex flex-wrap gap-2">
              <Button type="button" onClick={open} busy={busy === "open"} disabled={busy !== null}>
                Open with your passkey
              </Button>
              <Button type="button" variant="danger" onClick={remove} busy={busy === "delete"} disabled={busy !== null}>
                Delete note
              </Button>
            </div>
          ) : (
            <section aria-label="Your opened note" className="flex flex-col gap-2">
              <p className="whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-3">{opened}</p>
              <Button type="button" variant="secondary" onClick={() => setOpened(null)} className="self-start">
                Hide note
              </Button>
            </section>
          )}
        </div>
      ) : (
        <p>No note yet.</p>
      )}
      {outcome && (
        <Alert tone={outcome.tone} detail={outcome.detail} causes={outcome.causes} fixes={outcome.fixes}>
          {outcome.message}
        </Alert>
      )}
      <form onSubmit={seal} className="flex flex-col gap-2">
        <label htmlFor="passkey-note-text" className="font-medium">
          {note ? "Write a new note (it replaces the old one)" : "Write a note"}
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
          {bytes} of {NOTE_MAX_BYTES} bytes
        </p>
        <Button
          type="submit"
          className="self-start"
          busy={busy === "seal"}
          disabled={!hasPasskeys || busy !== null || bytes === 0 || bytes > NOTE_MAX_BYTES}
        >
          Seal with a passkey
        </Button>
        {!hasPasskeys && <p className="text-slate-600">Add a passkey first: the note is sealed with one.</p>}
      </form>
      {dialog}
    </div>
  );
}
