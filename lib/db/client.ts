// The one database client. A local file gets WAL, a busy timeout and foreign keys (security bar G53); a libsql://
// URL talks to a libSQL server so several app instances share one database.
import "server-only";
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { env } from "@/lib/env";
import * as schema from "./schema";

const isLocalFile = env.DATABASE_URL.startsWith("file:");

export const BUSY_TIMEOUT_MS = 5_000;

if (isLocalFile) {
  const { mkdirSync } = await import("node:fs");
  const { dirname } = await import("node:path");
  mkdirSync(dirname(env.DATABASE_URL.slice("file:".length)), { recursive: true });
}

const client = createClient({
  url: env.DATABASE_URL,
  authToken: env.DATABASE_AUTH_TOKEN,
  // The client's `timeout` is the busy timeout of every pooled connection; a PRAGMA would reach only one.
  timeout: BUSY_TIMEOUT_MS,
  concurrency: 4,
});

if (isLocalFile) {
  // WAL is stored in the file itself, so one statement sets it for every connection and every instance.
  await client.execute("PRAGMA journal_mode = WAL");
}

export const db = drizzle(client, { schema });
export type Db = typeof db;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

// An open transaction holds a pooled connection until it settles; with the pool full of them, libSQL rejects the
// next call instead of waiting. SQLite has one writer anyway, so write transactions in this process take turns.
let queue: Promise<unknown> = Promise.resolve();

/** Runs `work` in one BEGIN IMMEDIATE transaction: all of it commits, or none of it does. */
export function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const run = () => db.transaction(work);
  if (!isLocalFile) return run();
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** The connection settings that durability depends on, read back from the database (checked at start-up). */
export async function readDatabaseSettings() {
  const read = async (pragma: string) => Object.values((await client.execute(`PRAGMA ${pragma}`)).rows[0] ?? {})[0];
  return {
    journalMode: String(await read("journal_mode")),
    busyTimeout: Number(await read("busy_timeout")),
    foreignKeys: Number(await read("foreign_keys")) === 1,
  };
}

export { client as libsqlClient };
