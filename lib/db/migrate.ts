import "server-only";
import { resolve } from "node:path";
import { setTimeout as wait } from "node:timers/promises";
import { migrate } from "drizzle-orm/libsql/migrator";
import { db, readDatabaseSettings } from "./client";
import { env } from "@/lib/env";

const ATTEMPTS = 5;

/**
 * Applies committed drizzle-kit migrations (idempotent) and checks the settings durability relies on.
 *
 * Drizzle's migrator reads which migrations are applied outside its transaction, so two instances starting together
 * on an empty database can both try to apply them; the loser's transaction fails and rolls back whole. Trying again
 * then finds them applied by the winner and does nothing (security bar G57).
 */
export async function migrateDatabase() {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrate(db, { migrationsFolder: resolve(process.cwd(), "drizzle") });
      break;
    } catch (error) {
      if (attempt === ATTEMPTS) throw error;
      await wait(50 * attempt + Math.random() * 50);
    }
  }
  if (!env.DATABASE_URL.startsWith("file:")) return;
  const settings = await readDatabaseSettings();
  if (
    settings.journalMode !== "wal" ||
    settings.busyTimeout <= 0 ||
    !settings.foreignKeys ||
    settings.synchronous < 1
  ) {
    throw new Error(
      `Database settings are unsafe: ${JSON.stringify(settings)} (want WAL, busy timeout, foreign keys, synchronous ≥ NORMAL)`,
    );
  }
}
