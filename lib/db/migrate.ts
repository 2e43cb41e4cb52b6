import "server-only";
import { resolve } from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import { db, readDatabaseSettings } from "./client";
import { env } from "@/lib/env";

/** Applies committed drizzle-kit migrations (idempotent) and checks the settings durability relies on. */
export async function migrateDatabase() {
  await migrate(db, { migrationsFolder: resolve(process.cwd(), "drizzle") });
  if (!env.DATABASE_URL.startsWith("file:")) return;
  const settings = await readDatabaseSettings();
  if (settings.journalMode !== "wal" || settings.busyTimeout <= 0 || !settings.foreignKeys) {
    throw new Error(`Database settings are unsafe: ${JSON.stringify(settings)} (want WAL, busy timeout, foreign keys)`);
  }
}
