// One-time recovery codes: 10 codes of 10 base32 characters (50 bits each), shown once. Below 112 bits a stored
// secret needs a salted, costly one-way function (NIST SP 800-63B-4 §3.1.2.1 and §5.1.2), so a set gets one random
// salt and each code is stored as argon2id(code, salt): a stolen table costs an attacker one argon2id per guess per
// set, not one SHA-256 for every account at once. Rows from before (salt null) hold SHA-256 and keep working until
// they are spent or replaced (docs/decisions/011).
import { randomBytes, timingSafeEqual } from "node:crypto";
import { hashRaw } from "@node-rs/argon2";
import { and, eq, isNull } from "drizzle-orm";
import { db, type Db, type Tx } from "@/lib/db/client";
import { recoveryCodes } from "@/lib/db/schema";
import { hashToken, newToken } from "@/lib/crypto/tokens";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
// OWASP's argon2id minimum, as for passwords (lib/auth/password.ts): one verification costs tens of milliseconds.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

function newRecoveryCode(): string {
  const chars = [...randomBytes(10)].map((byte) => ALPHABET[byte % ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function normalise(code: string): string {
  const compact = code.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}

async function deriveKey(code: string, salt: string): Promise<Buffer> {
  return hashRaw(normalise(code), { ...ARGON2ID, salt: Buffer.from(salt, "base64url") });
}

/** A new set, hashed and ready to store: made before the write transaction, so argon2 never holds the write lock. */
export type RecoveryCodeSet = { codes: string[]; salt: string; hashes: string[] };

export async function makeRecoveryCodeSet(): Promise<RecoveryCodeSet> {
  const codes = Array.from({ length: 10 }, newRecoveryCode);
  const salt = randomBytes(16).toString("base64url");
  const hashes = await Promise.all(codes.map(async (code) => (await deriveKey(code, salt)).toString("base64url")));
  return { codes, salt, hashes };
}

/** Replaces the account's recovery codes with `set` and returns its codes (the only time they exist in clear). */
export async function storeRecoveryCodes(tx: Tx, userId: string, set: RecoveryCodeSet): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx
    .insert(recoveryCodes)
    .values(set.hashes.map((codeHash) => ({ id: newToken(12), userId, codeHash, salt: set.salt })));
  return set.codes;
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What a typed code hashes to under each salt of the account's unused codes (null: a legacy unsalted set). */
export type RecoveryCodeKeys = Map<string | null, Buffer>;

/**
 * The keys `code` makes: one argon2id per salt (one per set), derived before any write transaction so argon2 never
 * holds the write lock. Spending compares them with the rows as they are inside the transaction.
 */
export async function recoveryCodeKeys(userId: string, code: string): Promise<RecoveryCodeKeys> {
  const rows = await db
    .selectDistinct({ salt: recoveryCodes.salt })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  const keys: RecoveryCodeKeys = new Map();
  for (const { salt } of rows) {
    keys.set(salt, salt === null ? Buffer.from(hashToken(normalise(code)), "base64url") : await deriveKey(code, salt));
  }
  return keys;
}

/** The unused code the keys match, or null: constant-time comparisons only. */
async function findUnusedCode(writer: Tx | Db, userId: string, keys: RecoveryCodeKeys): Promise<string | null> {
  const rows = await writer
    .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash, salt: recoveryCodes.salt })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  let match: string | null = null;
  for (const row of rows) {
    // A set stored after the keys were derived has a salt they lack: no match, as for a wrong code.
    const key = keys.get(row.salt);
    if (key && sameBytes(key, Buffer.from(row.codeHash, "base64url"))) match = row.id;
  }
  return match;
}

/** Spends a recovery code (its `keys`); a code works once, also when two requests race with it. */
export async function spendRecoveryCode(writer: Tx | Db, userId: string, keys: RecoveryCodeKeys): Promise<boolean> {
  const id = await findUnusedCode(writer, userId, keys);
  if (!id) return false;
  const spent = await writer
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.id, id), isNull(recoveryCodes.usedAt)))
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
