// The one database client. A local file gets WAL, a busy timeout and foreign keys (security bar G53), and commits
// that are synced to disk only where losing them would matter (decision 007); a libsql:// URL talks to a libSQL
// server so several app instances share one database.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as wait } from "node:timers/promises";
import { createClient, type Client } from "@libsql/client";
import { Mutex } from "async-mutex";
import { drizzle } from "drizzle-orm/libsql";
import { env } from "@/lib/env";
import * as schema from "./schema";

const isLocalFile = env.DATABASE_URL.startsWith("file:");

export const BUSY_TIMEOUT_MS = 5_000;

if (isLocalFile) mkdirSync(dirname(env.DATABASE_URL.slice("file:".length)), { recursive: true });

const rawClient = createClient({
  url: env.DATABASE_URL,
  authToken: env.DATABASE_AUTH_TOKEN,
  // The client's `timeout` is the busy timeout of every pooled connection; a PRAGMA would reach only one.
  timeout: BUSY_TIMEOUT_MS,
  // One connection: the lock below lets one statement or transaction run at a time anyway, and with one connection a
  // PRAGMA (synchronous, below) holds for everything this process runs.
  concurrency: 1,
});

// @libsql/client runs a local file's statements synchronously on the main thread. A write that meets another pooled
// connection's open transaction therefore busy-waits with the event loop blocked, so that transaction can never
// finish: a deadlock until the busy timeout. So every statement and transaction on a local file takes one lock, in
// turn (docs/decisions/003). Statements run one at a time anyway; the lock only stops them interleaving with a
// transaction. Across processes, BEGIN IMMEDIATE and the busy timeout order the writers.
const lock = new Mutex();
const insideTransaction = new AsyncLocalStorage<true>();

function serialised(client: Client): Client {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "transaction") {
        return (...args: unknown[]) => {
          if (!insideTransaction.getStore()) throw new Error("Open transactions with transaction() from lib/db/client");
          return value.apply(target, args);
        };
      }
      if (!["execute", "batch", "migrate", "executeMultiple"].includes(String(property))) return value.bind(target);
      return (...args: unknown[]) => {
        // Waiting for the lock from inside a transaction would wait forever: that code must use its `tx`.
        if (insideTransaction.getStore()) throw new Error("Inside transaction(), use its `tx`, not `db`");
        return lock.runExclusive(() => value.apply(target, args));
      };
    },
  });
}

const client = isLocalFile ? serialised(rawClient) : rawClient;

export const db = drizzle(client, { schema });
export type Db = typeof db;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Runs `work` in one BEGIN IMMEDIATE transaction: all of it commits, or none of it does. Use only `tx` inside.
 * `durable`: the commit is on disk before this returns, even through a power cut (decision 007) — for what a person was
 * told has happened and must never be undone, like a withdrawal. SQLite refuses to change the setting inside a
 * transaction, so it is raised around it, under the same lock.
 */
export function transaction<T>(work: (tx: Tx) => Promise<T>, { durable = false } = {}): Promise<T> {
  const run = () => insideTransaction.run(true, () => db.transaction(work));
  if (!isLocalFile) return run();
  return lock.runExclusive(async () => {
    if (!durable) return run();
    await rawClient.execute("PRAGMA synchronous = FULL");
    try {
      return await run();
    } finally {
      await rawClient.execute("PRAGMA synchronous = NORMAL");
    }
  });
}

/**
 * WAL is stored in the file itself, so one statement sets it for every connection and every instance. Switching needs
 * an exclusive lock, and SQLite answers SQLITE_BUSY at once instead of waiting in the busy handler when another process
 * holds the file (two instances starting on a new database, G57): so it is tried again, up to the busy timeout.
 */
export async function useWriteAheadLog(client: Client) {
  for (const deadline = Date.now() + BUSY_TIMEOUT_MS; ;) {
    try {
      await client.execute("PRAGMA journal_mode = WAL");
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw error;
      await wait(10 + Math.random() * 40);
    }
  }
}

if (isLocalFile) {
  await useWriteAheadLog(client);
  // In WAL mode, NORMAL syncs at checkpoints, not at every commit: a crashed process loses nothing and the file never
  // corrupts; a power cut may lose the last commits before a checkpoint. Decision 007 says why that is acceptable here.
  await client.execute("PRAGMA synchronous = NORMAL");
}

/** The connection settings that durability depends on, read back from the database (checked at start-up). */
export async function readDatabaseSettings() {
  const read = async (pragma: string) => Object.values((await client.execute(`PRAGMA ${pragma}`)).rows[0] ?? {})[0];
  return {
    journalMode: String(await read("journal_mode")),
    busyTimeout: Number(await read("busy_timeout")),
    foreignKeys: Number(await read("foreign_keys")) === 1,
    /** 1 = NORMAL, 2 = FULL (https://sqlite.org/pragma.html#pragma_synchronous). */
    synchronous: Number(await read("synchronous")),
  };
}
