import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { removePasskey } from "@/lib/auth/sign-in-methods";
import { grantStepUp } from "@/lib/auth/step-up";
import { db } from "@/lib/db/client";
import { auditEvents, passkeyNotes, passkeys } from "@/lib/db/schema";
import { createAccount, ORIGIN, type TestAccount } from "@/test/accounts";
import { deleteNote, findNoteSummary, openNote, sealNote, startNoteCeremony, type NoteCeremony } from "./passkey-notes";

// The server never sees a key or text: what it is given are opaque bytes of the right lengths.
const sealedBytes = () => ({ salt: randomBytes(32), iv: randomBytes(12), ciphertext: randomBytes(48) });

async function ceremony(account: TestAccount, kind: NoteCeremony, credentialId?: string) {
  const start = await startNoteCeremony(account, kind);
  if (!start.ok) throw new Error(start.code);
  const response = account.authenticator.authenticate(start.data.options, ORIGIN, { credentialId });
  return { ...start.data, response };
}

async function sealed(account: TestAccount, credentialId?: string) {
  const bytes = sealedBytes();
  const { ceremonyId, response } = await ceremony(account, "seal", credentialId);
  const result = await sealNote(account, ceremonyId, response, bytes, "Test browser");
  if (!result.ok) throw new Error(result.code);
  return bytes;
}

describe("the note only a passkey can open, on the server", () => {
  it("keeps the sealed bytes bound to the passkey that answered, and hands them out for that passkey's assertion", async () => {
    const account = await createAccount({ passkeys: 2 });
    const bytes = await sealed(account, account.passkeyIds[1]);
    expect((await findNoteSummary(account.user.id))?.passkeyId).toBe(account.passkeyIds[1]);

    const open = await ceremony(account, "open");
    expect(open.options.allowCredentials?.map((credential) => credential.id)).toEqual([account.passkeyIds[1]]);
    expect(open.salt).toBe(bytes.salt.toString("base64url"));
    expect(await openNote(account, open.ceremonyId, open.response, "Test browser")).toEqual({
      ok: true,
      data: { iv: bytes.iv.toString("base64url"), ciphertext: bytes.ciphertext.toString("base64url") },
    });
    const types = await db.query.auditEvents.findMany({ where: eq(auditEvents.userId, account.user.id) });
    expect(types.map((event) => event.type)).toEqual(expect.arrayContaining(["note.sealed", "note.opened"]));
  });

  it("offers sealing only to passkeys that may have PRF, and says so when none can", async () => {
    const account = await createAccount({ passkeys: 3 });
    const [unsaid, without, withPrf] = account.passkeyIds;
    await db.update(passkeys).set({ prfEnabled: false }).where(eq(passkeys.id, without));
    await db.update(passkeys).set({ prfEnabled: true }).where(eq(passkeys.id, withPrf));
    const start = await startNoteCeremony(account, "seal");
    if (!start.ok) throw new Error(start.code);
    expect(start.data.options.allowCredentials?.map((credential) => credential.id).sort()).toEqual(
      [unsaid, withPrf].sort(),
    );

    await db.update(passkeys).set({ prfEnabled: false }).where(eq(passkeys.userId, account.user.id));
    expect(await startNoteCeremony(account, "seal")).toMatchObject({
      ok: false,
      code: "passkey:not-found",
      says: { key: "passkey.none-with-prf-for-note" },
    });
  });

  it("refuses the account's other passkey, a replayed assertion, a sealing challenge and another session", async () => {
    const account = await createAccount({ passkeys: 2 });
    await sealed(account, account.passkeyIds[0]);

    const start = await startNoteCeremony(account, "open");
    if (!start.ok) throw new Error(start.code);
    // The other passkey answers options that did not offer it (security bar A11).
    const offered = { ...start.data.options, allowCredentials: undefined };
    const other = account.authenticator.authenticate(offered, ORIGIN, { credentialId: account.passkeyIds[1] });
    expect(await openNote(account, start.data.ceremonyId, other, "t")).toMatchObject({ code: "passkey:not-verified" });

    const open = await ceremony(account, "open");
    expect((await openNote(account, open.ceremonyId, open.response, "t")).ok).toBe(true);
    expect(await openNote(account, open.ceremonyId, open.response, "t")).toMatchObject({ code: "challenge:invalid" });

    const seal = await ceremony(account, "seal");
    expect(await openNote(account, seal.ceremonyId, seal.response, "t")).toMatchObject({ code: "challenge:invalid" });

    const elsewhere = await ceremony(account, "open");
    const otherSession = { ...account, sessionId: "another-session" };
    expect(await openNote(otherSession, elsewhere.ceremonyId, elsewhere.response, "t")).toMatchObject({
      code: "challenge:invalid",
    });
  });

  it("never reaches another account's note, and answers note:not-found where there is none", async () => {
    const owner = await createAccount({ passkeys: 1 });
    const stranger = await createAccount({ passkeys: 1 });
    await sealed(owner);
    expect(await startNoteCeremony(stranger, "open")).toMatchObject({ ok: false, code: "note:not-found" });
    expect(await deleteNote(stranger.user.id, "t")).toMatchObject({ ok: false, code: "note:not-found" });
    expect(await findNoteSummary(owner.user.id)).not.toBeNull();
    // The stranger's own sealing writes the stranger's row, never the owner's.
    await sealed(stranger);
    const owners = await db.select({ passkeyId: passkeyNotes.passkeyId }).from(passkeyNotes);
    expect(owners.filter((row) => row.passkeyId === owner.passkeyIds[0])).toHaveLength(1);
    expect(await startNoteCeremony(await createAccount(), "seal")).toMatchObject({ code: "passkey:not-found" });
  });

  it("is replaced by a new sealing (one per account), and the old passkey then no longer opens anything", async () => {
    const account = await createAccount({ passkeys: 2 });
    await sealed(account, account.passkeyIds[0]);
    const staleOpen = await ceremony(account, "open");
    const replacement = await sealed(account, account.passkeyIds[1]);
    expect(await db.$count(passkeyNotes, eq(passkeyNotes.userId, account.user.id))).toBe(1);
    expect(await openNote(account, staleOpen.ceremonyId, staleOpen.response, "t")).toMatchObject({
      code: "note:not-found",
    });
    const open = await ceremony(account, "open");
    const opened = await openNote(account, open.ceremonyId, open.response, "t");
    expect(opened.ok && opened.data.ciphertext).toBe(replacement.ciphertext.toString("base64url"));
  });

  it("goes with its passkey when that passkey is removed (stated retention), and can be deleted on its own", async () => {
    const account = await createAccount({ passkeys: 2 });
    await sealed(account, account.passkeyIds[0]);
    await grantStepUp(db, {
      userId: account.user.id,
      sessionId: account.sessionId,
      method: "totp",
      purpose: "remove-passkey",
    });
    const removed = await removePasskey({
      userId: account.user.id,
      sessionId: account.sessionId,
      client: "t",
      passkeyId: account.passkeyIds[0],
    });
    expect(removed.ok).toBe(true);
    expect(await db.$count(passkeyNotes, eq(passkeyNotes.userId, account.user.id))).toBe(0);

    await sealed(account, account.passkeyIds[1]);
    expect((await deleteNote(account.user.id, "t")).ok).toBe(true);
    expect(await findNoteSummary(account.user.id)).toBeNull();
    const remaining = await db.$count(passkeys, eq(passkeys.userId, account.user.id));
    expect(remaining).toBe(1);
  });
});
