import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db/client";
import { recoveryCodes } from "@/lib/db/schema";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { createAccount } from "@/test/accounts";
import {
  countUnusedRecoveryCodes,
  makeRecoveryCodeSet,
  recoveryCodeKeys,
  spendRecoveryCode,
  storeRecoveryCodes,
} from "./recovery-codes";

async function accountWithCodes() {
  const account = await createAccount();
  const set = await makeRecoveryCodeSet();
  const codes = await transaction((tx) => storeRecoveryCodes(tx, account.user.id, set));
  return { userId: account.user.id, codes };
}

describe("recovery codes (NIST SP 800-63B-4 §3.1.2.1: salted one-way function below 112 bits)", () => {
  it("stores argon2id under one random salt per set, never the SHA-256 of a code", async () => {
    const first = await accountWithCodes();
    const second = await accountWithCodes();
    const rows = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, first.userId));
    const otherRows = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, second.userId));
    expect(new Set(rows.map((row) => row.salt)).size).toBe(1);
    expect(Buffer.from(rows[0].salt!, "base64url")).toHaveLength(16);
    expect(otherRows[0].salt).not.toBe(rows[0].salt);
    const stored = new Set(rows.map((row) => row.codeHash));
    for (const code of first.codes) expect(stored.has(hashToken(code))).toBe(false);
  });

  it("accepts each code once, typed in any case, and refuses another set's code", async () => {
    const mine = await accountWithCodes();
    const theirs = await accountWithCodes();
    expect(await spendRecoveryCode(db, mine.userId, await recoveryCodeKeys(mine.userId, theirs.codes[0]))).toBe(false);
    expect(
      await spendRecoveryCode(
        db,
        mine.userId,
        await recoveryCodeKeys(mine.userId, mine.codes[3].toLowerCase().replace("-", "")),
      ),
    ).toBe(true);
    expect(await spendRecoveryCode(db, mine.userId, await recoveryCodeKeys(mine.userId, mine.codes[3]))).toBe(false);
    expect(await countUnusedRecoveryCodes(mine.userId)).toBe(9);
  });

  it("keeps verifying a legacy unsalted code once, until it is spent or the set is replaced", async () => {
    const account = await createAccount();
    const legacy = "ABCDE-FGHJK";
    await db
      .insert(recoveryCodes)
      .values({ id: newToken(12), userId: account.user.id, codeHash: hashToken(legacy), salt: null });
    expect(await spendRecoveryCode(db, account.user.id, await recoveryCodeKeys(account.user.id, "abcde fghjk"))).toBe(
      true,
    );
    expect(await spendRecoveryCode(db, account.user.id, await recoveryCodeKeys(account.user.id, legacy))).toBe(false);
  });

  it("spends a code once when two requests race with it", async () => {
    const { userId, codes } = await accountWithCodes();
    const results = await Promise.all(
      [0, 1, 2].map(async () => spendRecoveryCode(db, userId, await recoveryCodeKeys(userId, codes[0]))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
