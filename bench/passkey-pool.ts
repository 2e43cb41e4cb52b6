// The pool of accounts the load clients sign in with: made through lib/ in this process (test/accounts.ts: user,
// TOTP, step-up grant, registration ceremony with the software authenticator), in a template database that each
// server then gets a fresh copy of. Import only after DATABASE_URL and AUTH_SECRET are set.
import { sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import type { TestAccount } from "@/test/accounts";
import { createAccounts } from "./in-process-lib";

export type Pool = { accounts: TestAccount[]; ms: number };

export async function createPool(size: number): Promise<Pool> {
  await migrateDatabase();
  const started = performance.now();
  const accounts = await createAccounts(size);
  return { accounts, ms: Math.round(performance.now() - started) };
}

/** A consistent copy of the template database, as a fresh file (VACUUM INTO). */
export async function copyDatabase(path: string): Promise<void> {
  await db.run(sql.raw(`VACUUM INTO '${path.replace(/'/g, "''")}'`));
}
