// One-time recovery codes: 10 codes of 10 base32 characters (50 bits each), shown once and stored as SHA-256.
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { db, type Db, type Tx } from "@/lib/db/client";
import { recoveryCodes } from "@/lib/db/schema";
import { hashToken, newToken } from "@/lib/crypto/tokens";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function newRecoveryCode(): string {
  const chars = [...randomBytes(10)].map((byte) => ALPHABET[byte % ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function normalise(code: string): string {
  const compact = code.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}

/** Replaces the account's recovery codes with fresh ones and returns them (the only time they exist in clear). */
export async function createRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: 10 }, newRecoveryCode);
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ id: newToken(12), userId, codeHash: hashToken(code) })));
  return codes;
}

/** Spends a recovery code; a code works once, also when two requests race with it. */
export async function spendRecoveryCode(writer: Tx | Db, userId: string, code: string): Promise<boolean> {
  const spent = await writer
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashToken(normalise(code))),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return spent.length === 1;
}

export async function countUnusedRecoveryCodes(userId: string): Promise<number> {
  const rows = await db.query.recoveryCodes.findMany({
    where: and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)),
    columns: { id: true },
  });
  return rows.length;
}
