import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { auditEvents, passkeys } from "@/lib/db/schema";
import { createAccount } from "@/test/accounts";
import { listPasskeys, renamePasskey, STALE_AFTER_DAYS } from "./passkeys";

const DAY = 24 * 60 * 60_000;

describe("passkeys as a person sees them", () => {
  it("names the authenticator from its AAGUID, and says when it is not disclosed or unknown", async () => {
    const account = await createAccount({ passkeys: 1 });
    const [zero] = await listPasskeys(account.user.id);
    expect(zero).toMatchObject({
      authenticator: "Not disclosed by the authenticator",
      authenticatorKnown: false,
      label: "Passkey on Test browser",
    });

    await db.update(passkeys).set({ aaguid: "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4" }).where(eq(passkeys.id, zero.id));
    expect((await listPasskeys(account.user.id))[0]).toMatchObject({
      authenticator: "Google Password Manager",
      authenticatorKnown: true,
    });

    await db.update(passkeys).set({ aaguid: "12345678-1234-1234-1234-123456789abc" }).where(eq(passkeys.id, zero.id));
    expect((await listPasskeys(account.user.id))[0].authenticator).toBe(
      "Unknown authenticator (12345678-1234-1234-1234-123456789abc)",
    );
  });

  it("tells synced, sync-eligible and device-bound passkeys apart from the BE and BS flags", async () => {
    const account = await createAccount({ passkeys: 3 });
    const [a, b, c] = account.passkeyIds;
    await db.update(passkeys).set({ backupEligible: true, backedUp: true }).where(eq(passkeys.id, a));
    await db.update(passkeys).set({ backupEligible: true, backedUp: false }).where(eq(passkeys.id, b));
    const storage = Object.fromEntries((await listPasskeys(account.user.id)).map((view) => [view.id, view.storage]));
    expect(storage).toEqual({ [a]: "synced", [b]: "sync-eligible", [c]: "device-bound" });
  });

  it(`marks a passkey unused for ${STALE_AFTER_DAYS} days as stale, counting from its last use or creation`, async () => {
    const account = await createAccount({ passkeys: 2 });
    const now = Date.now();
    const [used, unused] = account.passkeyIds;
    await db
      .update(passkeys)
      .set({ createdAt: new Date(now - 200 * DAY), lastUsedAt: new Date(now - 10 * DAY) })
      .where(eq(passkeys.id, used));
    await db
      .update(passkeys)
      .set({ createdAt: new Date(now - 91 * DAY), lastUsedAt: null })
      .where(eq(passkeys.id, unused));
    const stale = Object.fromEntries((await listPasskeys(account.user.id, now)).map((view) => [view.id, view.stale]));
    expect(stale).toEqual({ [used]: false, [unused]: true });
  });

  it("renames only the owner's passkey, trims the label and logs it; bad labels change nothing", async () => {
    const owner = await createAccount({ passkeys: 1 });
    const other = await createAccount();
    const id = owner.passkeyIds[0];
    expect(await renamePasskey(owner.user.id, id, "  Work   laptop ", "t")).toEqual({
      ok: true,
      data: { label: "Work laptop" },
    });
    expect(await renamePasskey(other.user.id, id, "Stolen", "t")).toMatchObject({
      ok: false,
      code: "passkey:not-found",
    });
    expect(await renamePasskey(owner.user.id, id, "   ", "t")).toMatchObject({ ok: false, code: "input:invalid" });
    expect(await renamePasskey(owner.user.id, id, "x".repeat(65), "t")).toMatchObject({
      ok: false,
      code: "input:invalid",
    });
    expect((await listPasskeys(owner.user.id))[0].label).toBe("Work laptop");
    const renamed = await db.query.auditEvents.findMany({ where: eq(auditEvents.userId, owner.user.id) });
    expect(renamed.filter((event) => event.type === "passkey.renamed").map((event) => event.detail)).toEqual([
      { from: "Passkey on Test browser", label: "Work laptop" },
    ]);
  });
});
