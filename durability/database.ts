// The database side of the durability suite. Each test file gets its own fresh libSQL file in a temp folder, shared
// by the servers it starts and by this process, which makes accounts through lib/ as the unit tests do. Checks read
// the file through a connection of their own, opened afresh each time: what a newly started process would see.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type Client } from "@libsql/client";

export type TestDatabase = { dir: string; file: string; url: string; authSecret: string };

export function newDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), "passkey-lab-durability-"));
  const file = join(dir, "db.db");
  return { dir, file, url: `file:${file}`, authSecret: randomBytes(32).toString("base64url") };
}

export function removeDatabase(database: TestDatabase) {
  rmSync(database.dir, { recursive: true, force: true });
}

/**
 * Points this process's lib/ at `database` and migrates it. lib/env reads process.env once, on first import, so this
 * must run before any lib/ module is imported, and only once per test file (Vitest gives each file its own process).
 */
export async function useInThisProcess(database: TestDatabase) {
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = database.authSecret;
  const { migrateDatabase } = await import("@/lib/db/migrate");
  await migrateDatabase();
}

/** Runs `read` on a connection of its own, closed afterwards. */
export async function inspect<T>(database: TestDatabase, read: (client: Client) => Promise<T>): Promise<T> {
  const client = createClient({ url: database.url, timeout: 5_000 });
  try {
    return await read(client);
  } finally {
    client.close();
  }
}

/** `PRAGMA integrity_check`: ["ok"] for a sound file, otherwise one line per problem. */
export function integrityCheck(database: TestDatabase): Promise<string[]> {
  return inspect(database, async (client) =>
    (await client.execute("PRAGMA integrity_check")).rows.map((row) => String(row[0])),
  );
}

/** Wallets whose balance differs from the sum of their ledger, read in one statement (one snapshot). */
export function unbalancedWallets(
  database: TestDatabase,
): Promise<{ userId: string; balance: number; ledger: number }[]> {
  return inspect(database, async (client) => {
    const { rows } = await client.execute(
      `SELECT w.user_id, w.balance, coalesce((SELECT sum(l.amount) FROM ledger_entries l WHERE l.user_id = w.user_id), 0)
       FROM wallets w`,
    );
    return rows
      .map((row) => ({ userId: String(row[0]), balance: Number(row[1]), ledger: Number(row[2]) }))
      .filter((wallet) => wallet.balance !== wallet.ledger);
  });
}

/** The acknowledged withdrawals (id → amount in units) that are not in the withdrawals table with that amount. */
export function missingWithdrawals(database: TestDatabase, acknowledged: Map<string, number>): Promise<string[]> {
  return inspect(database, async (client) => {
    const stored = new Map<string, number>();
    for (const row of (await client.execute("SELECT id, amount FROM withdrawals")).rows)
      stored.set(String(row[0]), Number(row[1]));
    return [...acknowledged].filter(([id, amount]) => stored.get(id) !== amount).map(([id]) => id);
  });
}

/** The acknowledged passkeys (by id) that are not in the passkeys table. */
export function missingPasskeys(database: TestDatabase, acknowledged: Set<string>): Promise<string[]> {
  return inspect(database, async (client) => {
    const stored = new Set((await client.execute("SELECT id FROM passkeys")).rows.map((row) => String(row[0])));
    return [...acknowledged].filter((id) => !stored.has(id));
  });
}

/**
 * Sessions handed out to this account by a sign-in: each successful sign-in writes its audit event in the transaction
 * that consumes the challenge, and only then is the session cookie set (lib/auth/session.ts).
 */
export function sessionsIssued(database: TestDatabase, userId: string): Promise<number> {
  return inspect(database, async (client) => {
    const { rows } = await client.execute({
      sql: "SELECT count(*) FROM audit_events WHERE user_id = ? AND type LIKE 'sign-in.%' AND type <> 'sign-in.failed'",
      args: [userId],
    });
    return Number(rows[0]?.[0] ?? 0);
  });
}

/**
 * Makes the database file read-only for every process that opens it from now on; returns the undo. SQLite then opens
 * it read-only and refuses writes. Root ignores permission bits, so as root the file is marked immutable
 * (`chattr +i`, which binds root too); anyone else gets mode 0444. (`file:…?mode=ro` is no option: @libsql/client
 * 0.18 rejects the parameter with URL_PARAM_NOT_SUPPORTED.)
 */
export function makeReadOnly(file: string): () => void {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chattr", ["+i", file]);
  else chmodSync(file, 0o444);
  const undo = () => (asRoot ? execFileSync("chattr", ["-i", file]) : chmodSync(file, 0o644));
  try {
    closeSync(openSync(file, "r+"));
  } catch {
    return undo;
  }
  undo();
  throw new Error(`could not make ${file} read-only: it still opens for writing`);
}
