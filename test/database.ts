// Every unit-test file runs against its own fresh libSQL database file, migrated like a real start.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "passkey-lab-test-"));
process.env.DATABASE_URL = `file:${join(dir, "test.db")}`;
process.env.AUTH_SECRET ??= "unit-test-secret-that-is-at-least-32-characters";

beforeAll(async () => {
  const { migrateDatabase } = await import("@/lib/db/migrate");
  await migrateDatabase();
});

// A thousand test files a day must not leave a thousand databases behind (Linux lets an open file be unlinked).
afterAll(() => rmSync(dir, { recursive: true, force: true }));
