"use server";
// The note only a passkey can open (lib/notes/passkey-notes.ts): each action checks the session itself and parses
// everything it is sent; a session's own account is the only one it can reach.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseInput, withSession } from "@/lib/auth/action-guard";
import { deleteNote, openNote, sealNote, startNoteCeremony } from "@/lib/notes/passkey-notes";
import { sealedNoteSchema } from "@/lib/notes/sealed-note-schema";

const ceremony = z.string().min(1).max(100);
const kind = z.enum(["seal", "open"], { message: "Say whether the note is being sealed or opened." });

export async function startNoteCeremonyAction(forWhat: unknown) {
  return withSession(async (session) => {
    const input = parseInput(kind, forWhat);
    if (!input.ok) return input;
    return startNoteCeremony(session, input.data);
  });
}

export async function sealNoteAction(ceremonyId: unknown, response: unknown, sealed: unknown) {
  return withSession(async (session, client) => {
    const input = parseInput(z.object({ ceremonyId: ceremony, sealed: sealedNoteSchema }), { ceremonyId, sealed });
    if (!input.ok) return input;
    const result = await sealNote(session, input.data.ceremonyId, response, input.data.sealed, client);
    if (result.ok) revalidatePath("/account");
    return result;
  });
}

export async function openNoteAction(ceremonyId: unknown, response: unknown) {
  return withSession(async (session, client) => {
    const input = parseInput(ceremony, ceremonyId);
    if (!input.ok) return input;
    return openNote(session, input.data, response, client);
  });
}

export async function deleteNoteAction() {
  return withSession(async ({ user }, client) => {
    const result = await deleteNote(user.id, client);
    if (result.ok) revalidatePath("/account");
    return result;
  });
}
