import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withdrawals } from "@/lib/db/schema";
import { createAccount, ORIGIN, signInOptions, type TestAccount } from "@/test/accounts";
import { newDemoAddress } from "./addresses";
import { OPENING_BALANCE, UNITS_PER_LAB } from "./amounts";
import { ensureWallet, ledgerTotal } from "./wallet";
import { WITHDRAWAL_HOLD_MS } from "@/lib/auth/password-reset";
import { finishWithdrawal, startWithdrawal, type WithdrawalRequest } from "./withdrawal";
import { refuseWhileHeld, withdrawalHoldEnds } from "./withdrawal-hold";

async function confirm(account: TestAccount, request: WithdrawalRequest) {
  const start = await startWithdrawal(account, request);
  if (!start.ok) throw new Error(start.message);
  return { ...start.data, response: account.authenticator.authenticate(start.data.options, ORIGIN) };
}

async function expectBalanced(account: TestAccount, expected: number) {
  expect(await ensureWallet(account.user.id)).toBe(expected);
  expect(await ledgerTotal(account.user.id)).toBe(expected);
}

describe("demo withdrawal", () => {
  it("debits once with a user-verified passkey assertion, and the ledger balances", async () => {
    const account = await createAccount({ passkeys: 1 });
    const request = { amount: "1.25", destination: newDemoAddress() };
    const { ceremonyId, response, summary } = await confirm(account, request);
    expect(summary).toBe(`1.25 LAB to ${request.destination}`);
    const result = await finishWithdrawal(account, ceremonyId, request, response, "t");
    expect(result).toMatchObject({ ok: true, data: { balance: OPENING_BALANCE - 1.25 * UNITS_PER_LAB } });
    await expectBalanced(account, OPENING_BALANCE - 1.25 * UNITS_PER_LAB);
  });

  it("refuses a changed amount or destination after the challenge, and debits nothing", async () => {
    const account = await createAccount({ passkeys: 1 });
    const request = { amount: "1", destination: newDemoAddress() };
    for (const changed of [
      { ...request, amount: "9" },
      { ...request, destination: newDemoAddress() },
    ]) {
      const { ceremonyId, response } = await confirm(account, request);
      expect(await finishWithdrawal(account, ceremonyId, changed, response, "t")).toMatchObject({
        ok: false,
        code: "wallet:changed",
      });
      // The ceremony is spent: the original order cannot be finished with it either.
      expect((await finishWithdrawal(account, ceremonyId, request, response, "t")).ok).toBe(false);
    }
    await expectBalanced(account, OPENING_BALANCE);
  });

  it("debits once when the same confirmation is replayed or submitted 20 times at once", async () => {
    const account = await createAccount({ passkeys: 1 });
    const request = { amount: "2", destination: newDemoAddress() };
    const { ceremonyId, response } = await confirm(account, request);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => finishWithdrawal(account, ceremonyId, request, response, "t")),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect((await finishWithdrawal(account, ceremonyId, request, response, "t")).ok).toBe(false);
    expect(await db.query.withdrawals.findMany({ where: eq(withdrawals.userId, account.user.id) })).toHaveLength(1);
    await expectBalanced(account, OPENING_BALANCE - 2 * UNITS_PER_LAB);
  });

  it("refuses an assertion made for a sign-in challenge, and one without user verification", async () => {
    const account = await createAccount({ passkeys: 1 });
    const request = { amount: "1", destination: newDemoAddress() };
    const signIn = await signInOptions();
    const { ceremonyId } = await confirm(account, request);
    const crossPurpose = account.authenticator.authenticate(signIn.options, ORIGIN);
    expect((await finishWithdrawal(account, ceremonyId, request, crossPurpose, "t")).ok).toBe(false);
    expect((await finishWithdrawal(account, signIn.ceremonyId, request, crossPurpose, "t")).ok).toBe(false);

    const start = await startWithdrawal(account, request);
    if (!start.ok) throw new Error(start.message);
    const withoutUv = account.authenticator.authenticate(start.data.options, ORIGIN, { flags: { uv: false } });
    expect(await finishWithdrawal(account, start.data.ceremonyId, request, withoutUv, "t")).toMatchObject({
      ok: false,
      code: "passkey:uv-missing",
    });
    await expectBalanced(account, OPENING_BALANCE);
  });

  it("gives clear errors for bad amounts, bad addresses, too little balance and no passkey", async () => {
    const account = await createAccount({ passkeys: 1 });
    const address = newDemoAddress();
    const typo = address.slice(0, -1) + (address.endsWith("q") ? "p" : "q");
    const cases: [WithdrawalRequest, string][] = [
      [{ amount: "0", destination: address }, "wallet:bad-amount"],
      [{ amount: "-1", destination: address }, "wallet:bad-amount"],
      [{ amount: "1.123456789", destination: address }, "wallet:bad-amount"],
      [{ amount: "abc", destination: address }, "wallet:bad-amount"],
      [{ amount: "1", destination: typo }, "wallet:bad-address"],
      [{ amount: "1", destination: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq" }, "wallet:bad-address"],
      [{ amount: "10.00000001", destination: address }, "wallet:insufficient"],
    ];
    for (const [request, code] of cases)
      expect(await startWithdrawal(account, request)).toMatchObject({ ok: false, code });
    const noPasskey = await createAccount();
    expect(await startWithdrawal(noPasskey, { amount: "1", destination: address })).toMatchObject({
      ok: false,
      code: "wallet:passkey-required",
    });
  });
});

describe("the withdrawal hold after a password reset", () => {
  it("refuses to start or finish a withdrawal until the hold ends, then lets it through (clock moved)", async () => {
    const account = await createAccount({ passkeys: 1 });
    const request = { amount: "1", destination: newDemoAddress() };
    const ready = await confirm(account, request);
    const heldUntil = new Date(Date.now() + WITHDRAWAL_HOLD_MS);
    const held = { ...account, user: { ...account.user, withdrawalsHeldUntil: heldUntil } };
    expect(await startWithdrawal(held, request)).toMatchObject({
      ok: false,
      code: "wallet:held",
      message: expect.stringContaining("paused until"),
    });
    expect(await finishWithdrawal(held, ready.ceremonyId, request, ready.response, "t")).toMatchObject({
      ok: false,
      code: "wallet:held",
    });
    await expectBalanced(account, OPENING_BALANCE);
    expect(refuseWhileHeld(held.user, heldUntil.getTime() - 1)).toMatchObject({ code: "wallet:held" });
    expect(refuseWhileHeld(held.user, heldUntil.getTime())).toBeNull();
    expect(withdrawalHoldEnds(held.user, heldUntil.getTime() + 1)).toBeNull();
    // The hold is over: the same account withdraws.
    const over = { ...account, user: { ...account.user, withdrawalsHeldUntil: new Date(Date.now() - 1) } };
    const again = await confirm(over, request);
    expect((await finishWithdrawal(over, again.ceremonyId, request, again.response, "t")).ok).toBe(true);
  });
});
