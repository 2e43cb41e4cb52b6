// The server's side of "a note only your passkey can open" (docs/decisions/024): it keeps the ciphertext, IV and salt
// and which passkey sealed them, and hands the ciphertext out only for a fresh assertion by that passkey, verified by
// the one verification core (checkAssertion, as a step-up is). It never receives the key or the text.
import "server-only";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { and, eq } from "drizzle-orm";
import { recordEvent } from "@/lib/auth/audit";
import { db, transaction } from "@/lib/db/client";
import { passkeyNotes, passkeys, type User } from "@/lib/db/schema";
import { AppError, fail, ok, type Result } from "@/lib/result";
import { recordAssertion } from "@/lib/webauthn/assertion";
import { accountAllowCredentials, type AllowCredentials } from "@/lib/webauthn/allow-credentials";
import { checkAssertion, startAccountAssertion } from "@/lib/webauthn/authentication";
import { burnOnFailure, consumeChallenge, requireOpenChallenge } from "@/lib/webauthn/challenges";
import type { SealedNoteInput } from "./sealed-note-schema";

type Account = { user: User; sessionId: string };
export type NoteCeremony = "seal" | "open";
export type NoteOptions = {
  ceremonyId: string;
  options: PublicKeyCredentialRequestOptionsJSON;
  /** For opening: the salt the note was sealed with (base64url), the PRF input that gives back its key. */
  salt?: string;
};
export type NoteSummary = { passkeyId: string; passkeyLabel: string; sealedAt: Date };

const NO_NOTE = "note.write-first";
const NO_PASSKEY = "passkey.none-for-note";
const NO_PRF_PASSKEY = "passkey.none-with-prf-for-note";

export async function findNoteSummary(userId: string): Promise<NoteSummary | null> {
  const [row] = await db
    .select({ passkeyId: passkeyNotes.passkeyId, passkeyLabel: passkeys.label, sealedAt: passkeyNotes.sealedAt })
    .from(passkeyNotes)
    .innerJoin(passkeys, eq(passkeys.id, passkeyNotes.passkeyId))
    .where(eq(passkeyNotes.userId, userId));
  return row ?? null;
}

/**
 * Options for one note ceremony, user verification required like every portal use of a passkey. Sealing offers the
 * account's passkeys that may have PRF (the one that answers is the one the note is bound to); opening offers only the
 * note's own.
 */
export async function startNoteCeremony(
  { user, sessionId }: Account,
  kind: NoteCeremony,
): Promise<Result<NoteOptions>> {
  let allowCredentials: AllowCredentials;
  let salt: string | undefined;
  if (kind === "seal") {
    allowCredentials = await accountAllowCredentials(user.id, { mayHavePrf: true });
    if (allowCredentials.length === 0) {
      const any = await accountAllowCredentials(user.id);
      return fail("passkey:not-found", any.length === 0 ? NO_PASSKEY : NO_PRF_PASSKEY);
    }
  } else {
    const [note] = await db
      .select({ passkeyId: passkeyNotes.passkeyId, salt: passkeyNotes.salt, transports: passkeys.transports })
      .from(passkeyNotes)
      .innerJoin(passkeys, eq(passkeys.id, passkeyNotes.passkeyId))
      .where(eq(passkeyNotes.userId, user.id));
    if (!note) return fail("note:not-found", NO_NOTE);
    allowCredentials = [{ id: note.passkeyId, transports: note.transports as AllowCredentials[number]["transports"] }];
    salt = note.salt.toString("base64url");
  }
  const purpose = kind === "seal" ? "note-seal" : "note-open";
  const started = await startAccountAssertion({ userId: user.id, sessionId, purpose, allowCredentials });
  if (!started.ok) return started;
  return ok(salt === undefined ? started.data : { ...started.data, salt });
}

/**
 * Stores (or replaces) the account's note, bound to the passkey whose assertion came with it. The server cannot check
 * that the ciphertext was made with that passkey's PRF output (the output never reaches it); it checks that the
 * person holding the passkey asked for this, so a stolen session alone cannot overwrite the note.
 */
export async function sealNote(
  { user, sessionId }: Account,
  ceremonyId: string,
  body: unknown,
  sealed: SealedNoteInput,
  client: string,
): Promise<Result<{ sealedAt: Date }>> {
  return burnOnFailure(ceremonyId, async () => {
    const challenge = await requireOpenChallenge(ceremonyId, "note-seal", { userId: user.id, sessionId });
    const { passkey, assertion } = await checkAssertion(challenge, body, user.id);
    const sealedAt = new Date();
    await transaction(async (tx) => {
      await consumeChallenge(tx, ceremonyId);
      await recordAssertion(tx, passkey, assertion, client);
      const row = { passkeyId: passkey.id, ...sealed, sealedAt };
      await tx
        .insert(passkeyNotes)
        .values({ userId: user.id, ...row })
        .onConflictDoUpdate({ target: passkeyNotes.userId, set: row });
      await recordEvent(tx, { userId: user.id, type: "note.sealed", client, detail: { label: passkey.label } });
    });
    return ok({ sealedAt });
  });
}

/** The sealed note, for a fresh assertion by the passkey it is bound to (base64url IV and ciphertext). */
export async function openNote(
  { user, sessionId }: Account,
  ceremonyId: string,
  body: unknown,
  client: string,
): Promise<Result<{ iv: string; ciphertext: string }>> {
  return burnOnFailure(ceremonyId, async () => {
    const challenge = await requireOpenChallenge(ceremonyId, "note-open", { userId: user.id, sessionId });
    const { passkey, assertion } = await checkAssertion(challenge, body, user.id);
    return transaction(async (tx) => {
      await consumeChallenge(tx, ceremonyId);
      // Read inside the commit that spends the challenge: a note replaced since the options were made is another
      // passkey's, and this one's PRF output would not open it.
      const note = await tx.query.passkeyNotes.findFirst({
        where: and(eq(passkeyNotes.userId, user.id), eq(passkeyNotes.passkeyId, passkey.id)),
      });
      if (!note) throw new AppError(fail("note:not-found", "note.replaced"));
      await recordAssertion(tx, passkey, assertion, client);
      await recordEvent(tx, { userId: user.id, type: "note.opened", client, detail: { label: passkey.label } });
      return ok({ iv: note.iv.toString("base64url"), ciphertext: note.ciphertext.toString("base64url") });
    });
  });
}

/** Deletes the account's note. A session is enough: deleting reveals nothing, and the activity log records it. */
export async function deleteNote(userId: string, client: string): Promise<Result> {
  return transaction(async (tx) => {
    const deleted = await tx
      .delete(passkeyNotes)
      .where(eq(passkeyNotes.userId, userId))
      .returning({ userId: passkeyNotes.userId });
    if (deleted.length === 0) return fail("note:not-found", "note.nothing-to-delete");
    await recordEvent(tx, { userId, type: "note.deleted", client, detail: {} });
    return ok();
  });
}
