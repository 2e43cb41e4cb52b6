import { describe, expect, it } from "vitest";
import { and, count, eq, isNull } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { passkeys, stepUpGrants, users, type StepUpPurpose } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { addPasskey, createAccount, type TestAccount } from "@/test/accounts";
import { removePasskey, removePassword } from "./sign-in-methods";
import { grantStepUp, stepUpExpiry } from "./step-up";
import { getUser } from "./users";

const grant = (account: TestAccount, purpose: StepUpPurpose = "remove-passkey", sessionId = account.sessionId) =>
  grantStepUp(db, { userId: account.user.id, sessionId, method: "totp", purpose });
const as = (account: TestAccount) => ({ userId: account.user.id, sessionId: account.sessionId, client: "t" });
const passkeyCount = async (userId: string) =>
  (await db.select({ value: count() }).from(passkeys).where(eq(passkeys.userId, userId)))[0].value;
const hasPassword = async (userId: string) => Boolean((await getUser(userId))!.passwordHash);
/** Password + TOTP counts as one method (every test account has TOTP on), each passkey as one. */
const methodsLeft = async (userId: string) => (await passkeyCount(userId)) + ((await hasPassword(userId)) ? 1 : 0);
const unspentGrants = async (userId: string) =>
  (
    await db
      .select({ value: count() })
      .from(stepUpGrants)
      .where(and(eq(stepUpGrants.userId, userId), isNull(stepUpGrants.consumedAt)))
  )[0].value;

/** A passwordless account with `n` passkeys, made the way a person would: passkeys first, then remove the password. */
async function passwordlessAccount(n: number) {
  const account = await createAccount({ passkeys: n });
  await grant(account, "remove-password");
  expect((await removePassword(as(account))).ok).toBe(true);
  return account;
}

/** Ten accounts, made one after another: only the removals themselves race. */
async function accountsOneByOne(make: () => Promise<TestAccount>) {
  const accounts: TestAccount[] = [];
  for (let i = 0; i < 10; i++) accounts.push(await make());
  return accounts;
}

describe("removing sign-in methods", () => {
  it("never removes the last method, and a refused removal leaves the grant unspent", async () => {
    const passwordOnly = await createAccount();
    await grant(passwordOnly, "remove-password");
    const noPasskey = await removePassword(as(passwordOnly));
    expect(noPasskey.ok || noPasskey.code).toBe("passkey:last-method");
    expect(await hasPassword(passwordOnly.user.id)).toBe(true);
    expect(await unspentGrants(passwordOnly.user.id)).toBe(1);

    const passkeyOnly = await passwordlessAccount(1);
    await grant(passkeyOnly);
    const last = await removePasskey({ ...as(passkeyOnly), passkeyId: passkeyOnly.passkeyIds[0] });
    expect(last.ok || last.code).toBe("passkey:last-method");
    expect(await passkeyCount(passkeyOnly.user.id)).toBe(1);
    const again = await removePassword(as(passkeyOnly));
    expect(again.ok || again.code).toBe("password:none");
  });

  it("SEC-48b counts a passkey registered without user verification as no way in: the password stays, that passkey goes", async () => {
    const account = await createAccount();
    const withoutUv = await addPasskey(account, account.authenticator, { uv: false });
    expect((await db.query.passkeys.findFirst({ where: eq(passkeys.id, withoutUv) }))?.userVerified).toBe(false);
    await grant(account);
    const password = await removePassword(as(account));
    expect(password.ok || password.code).toBe("passkey:last-method");
    expect(await hasPassword(account.user.id)).toBe(true);
    // Removing it leaves the way in (password + TOTP) untouched, so it is allowed.
    const removed = await removePasskey({ ...as(account), passkeyId: withoutUv });
    expect(removed.ok).toBe(true);

    const verified = await addPasskey(account);
    expect((await db.query.passkeys.findFirst({ where: eq(passkeys.id, verified) }))?.userVerified).toBe(true);
  });

  it("refuses a removal without a step-up grant of this session", async () => {
    const account = await createAccount({ passkeys: 2 });
    const passkey = await removePasskey({ ...as(account), passkeyId: account.passkeyIds[0] });
    expect(passkey.ok || passkey.code).toBe("step-up:required");
    const password = await removePassword(as(account));
    expect(password.ok || password.code).toBe("step-up:required");
    expect(await passkeyCount(account.user.id)).toBe(2);
    expect(await hasPassword(account.user.id)).toBe(true);
  });

  it("answers another person's passkey as not found and leaves it alone", async () => {
    const me = await createAccount({ passkeys: 1 });
    const other = await createAccount({ passkeys: 2 });
    await grant(me);
    const result = await removePasskey({ ...as(me), passkeyId: other.passkeyIds[0] });
    expect(result.ok || result.code).toBe("passkey:not-found");
    expect(await passkeyCount(other.user.id)).toBe(2);
    expect(await passkeyCount(me.user.id)).toBe(1);
    expect(await unspentGrants(me.user.id)).toBe(1);
  });

  it("spends a grant once, and only in the session it was granted to", async () => {
    const account = await createAccount({ passkeys: 3 });
    await grant(account, "remove-passkey", newToken(16));
    const otherSession = await removePasskey({ ...as(account), passkeyId: account.passkeyIds[0] });
    expect(otherSession.ok || otherSession.code).toBe("step-up:required");

    await grant(account);
    const first = await removePasskey({ ...as(account), passkeyId: account.passkeyIds[0] });
    expect(first.ok && first.data.remaining.sort()).toEqual(account.passkeyIds.slice(1).sort());
    const second = await removePasskey({ ...as(account), passkeyId: account.passkeyIds[1] });
    expect(second.ok || second.code).toBe("step-up:required");
    expect(await passkeyCount(account.user.id)).toBe(2);

    await grant(account);
    expect((await removePasskey({ ...as(account), passkeyId: account.passkeyIds[1] })).ok).toBe(true);
    expect(await passkeyCount(account.user.id)).toBe(1);
  });

  it("refuses an expired grant", async () => {
    const account = await createAccount({ passkeys: 2 });
    await grant(account);
    await db
      .update(stepUpGrants)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(stepUpGrants.userId, account.user.id));
    expect(await stepUpExpiry(account.user.id, account.sessionId, "remove-passkey")).toBeNull();
    const result = await removePasskey({ ...as(account), passkeyId: account.passkeyIds[0] });
    expect(result.ok || result.code).toBe("step-up:required");
    expect(await passkeyCount(account.user.id)).toBe(2);
  });

  it("goes passwordless only with a passkey, after which the last passkey stays", async () => {
    const account = await createAccount();
    await grant(account, "remove-password");
    expect((await removePassword(as(account))).ok).toBe(false);
    await addPasskey(account); // spends a grant of its own
    expect(await stepUpExpiry(account.user.id, account.sessionId, "remove-password")).not.toBeNull();
    expect((await removePassword(as(account))).ok).toBe(true);
    expect(await hasPassword(account.user.id)).toBe(false);

    await grant(account);
    const last = await removePasskey({
      ...as(account),
      passkeyId: (await db.query.passkeys.findFirst({ where: eq(passkeys.userId, account.user.id) }))!.id,
    });
    expect(last.ok || last.code).toBe("passkey:last-method");
    expect(await methodsLeft(account.user.id)).toBe(1);
  });

  it("ends every session on removal (sessionsValidAfter moves to now)", async () => {
    const account = await createAccount({ passkeys: 2 });
    const validAfter = async () =>
      (await db.query.users.findFirst({ where: eq(users.id, account.user.id) }))!.sessionsValidAfter.getTime();
    const before = Date.now();
    expect(await validAfter()).toBeLessThan(before);

    await grant(account);
    expect((await removePasskey({ ...as(account), passkeyId: account.passkeyIds[0] })).ok).toBe(true);
    const afterPasskey = await validAfter();
    expect(afterPasskey).toBeGreaterThanOrEqual(before);

    await grant(account, "remove-password");
    expect((await removePassword(as(account))).ok).toBe(true);
    expect(await validAfter()).toBeGreaterThanOrEqual(afterPasskey);
  });

  it("lets exactly one of two concurrent removals of the last two methods win (password + one passkey)", async () => {
    const accounts = await accountsOneByOne(() => createAccount({ passkeys: 1 }));
    await Promise.all(
      accounts.flatMap((account) => [grant(account, "remove-password"), grant(account, "remove-passkey")]),
    );
    const races = await Promise.all(
      accounts.map((account) =>
        Promise.all([removePassword(as(account)), removePasskey({ ...as(account), passkeyId: account.passkeyIds[0] })]),
      ),
    );
    for (const [index, results] of races.entries()) {
      const userId = accounts[index].user.id;
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toMatchObject({ code: "passkey:last-method" });
      expect(await methodsLeft(userId)).toBe(1);
      expect(await unspentGrants(userId)).toBe(1);
    }
  });

  it("lets exactly one of two concurrent removals of the last two passkeys win (passwordless)", async () => {
    const accounts = await accountsOneByOne(() => passwordlessAccount(2));
    await Promise.all(accounts.flatMap((account) => [grant(account), grant(account)]));
    const races = await Promise.all(
      accounts.map((account) =>
        Promise.all(account.passkeyIds.map((passkeyId) => removePasskey({ ...as(account), passkeyId }))),
      ),
    );
    for (const [index, results] of races.entries()) {
      const userId = accounts[index].user.id;
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toMatchObject({ code: "passkey:last-method" });
      expect(await passkeyCount(userId)).toBe(1);
      expect(await hasPassword(userId)).toBe(false);
    }
  });
});
