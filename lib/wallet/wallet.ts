// The demo wallet: opened on first use with a grant, then only ever changed together with its ledger.
import { desc, eq, sum } from "drizzle-orm";
import { db, transaction } from "@/lib/db/client";
import { ledgerEntries, wallets, withdrawals } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { OPENING_BALANCE } from "./amounts";

/** The balance, opening the wallet with its grant (one ledger entry) the first time. */
export async function ensureWallet(userId: string): Promise<number> {
  const existing = await db.query.wallets.findFirst({ where: eq(wallets.userId, userId) });
  if (existing) return existing.balance;
  return transaction(async (tx) => {
    const [opened] = await tx
      .insert(wallets)
      .values({ userId, balance: OPENING_BALANCE })
      .onConflictDoNothing()
      .returning();
    if (opened) {
      await tx.insert(ledgerEntries).values({ id: newToken(12), userId, amount: OPENING_BALANCE, kind: "opening" });
      return opened.balance;
    }
    return (await tx.query.wallets.findFirst({ where: eq(wallets.userId, userId) }))!.balance;
  });
}

/** Sum of the ledger: must always equal the balance. */
export async function ledgerTotal(userId: string): Promise<number> {
  const [row] = await db
    .select({ total: sum(ledgerEntries.amount) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.userId, userId));
  return Number(row?.total ?? 0);
}

export async function listWithdrawals(userId: string, limit = 20) {
  return db.query.withdrawals.findMany({
    where: eq(withdrawals.userId, userId),
    orderBy: [desc(withdrawals.createdAt)],
    limit,
  });
}
