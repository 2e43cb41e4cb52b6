import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { newToken } from "@/lib/crypto/tokens";
import { db, readDatabaseSettings, transaction, useWriteAheadLog } from "./client";
import { users } from "./schema";

const newUser = async () => (await createUser(`db-${newToken(6)}@test.example`, "a long enough password"))!;

describe("database client", () => {
  it("runs on WAL with a busy timeout and foreign keys on", async () => {
    expect(await readDatabaseSettings()).toEqual({
      journalMode: "wal",
      busyTimeout: 5_000,
      foreignKeys: true,
      synchronous: 1,
    });
  });

  it("G57 switches a new file to WAL once another instance's open write on it ends, instead of failing busy at once", async () => {
    const url = `file:${join(mkdtempSync(join(tmpdir(), "wal-")), "new.db")}`;
    const [starting, other] = [createClient({ url, timeout: 5_000 }), createClient({ url, timeout: 5_000 })];
    const otherWrite = await other.transaction("write");
    await otherWrite.execute("CREATE TABLE first_migration (id INTEGER)");
    // SQLite answers this switch SQLITE_BUSY without calling the busy handler while another connection holds a lock.
    await expect(starting.execute("PRAGMA journal_mode = WAL")).rejects.toMatchObject({ code: "SQLITE_BUSY" });
    const switched = useWriteAheadLog(starting);
    setTimeout(() => void otherWrite.commit(), 100);
    await switched;
    expect((await starting.execute("PRAGMA journal_mode")).rows[0]?.[0]).toBe("wal");
    expect((await starting.execute("SELECT count(*) FROM first_migration")).rows[0]?.[0]).toBe(0);
    starting.close();
    other.close();
  });

  it("syncs a durable transaction's commit (synchronous=FULL around it) and goes back to NORMAL after, also on failure", async () => {
    const user = await newUser();
    const inside = await transaction(
      async (tx) => (await tx.all<{ synchronous: number }>(sql`PRAGMA synchronous`))[0],
      { durable: true },
    );
    expect(inside).toEqual({ synchronous: 2 });
    expect((await readDatabaseSettings()).synchronous).toBe(1);
    const failing = transaction(
      async (tx) => {
        await tx.update(users).set({ failedAttempts: 7 }).where(eq(users.id, user.id));
        throw new Error("stop");
      },
      { durable: true },
    );
    await expect(failing).rejects.toThrow("stop");
    expect((await readDatabaseSettings()).synchronous).toBe(1);
    expect((await db.query.users.findFirst({ where: eq(users.id, user.id) }))!.failedAttempts).toBe(0);
  });

  it("lets plain writes that overlap an open transaction wait their turn instead of failing busy", async () => {
    const user = await newUser();
    const attempts = (n: number) => db.update(users).set({ failedAttempts: n }).where(eq(users.id, user.id));
    const results = await Promise.allSettled([
      transaction(async (tx) => {
        await tx.update(users).set({ failedAttempts: 100 }).where(eq(users.id, user.id));
        await tx.update(users).set({ failedAttempts: 101 }).where(eq(users.id, user.id));
      }),
      attempts(1),
      transaction(async (tx) => tx.update(users).set({ lockedUntil: null }).where(eq(users.id, user.id))),
      attempts(2),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    expect((await db.query.users.findFirst({ where: eq(users.id, user.id) }))!.failedAttempts).toBe(2);
  });

  it("refuses `db` inside a transaction (it would wait for itself) and rolls the transaction back", async () => {
    const user = await newUser();
    const error: Error = await transaction(async (tx) => {
      await tx.update(users).set({ failedAttempts: 7 }).where(eq(users.id, user.id));
      await db.query.users.findFirst({ where: eq(users.id, user.id) });
    }).catch((caught) => caught);
    // Drizzle wraps the driver's error as the cause of its "Failed query" error.
    expect(String(error.cause ?? error)).toContain("use its `tx`");
    expect((await db.query.users.findFirst({ where: eq(users.id, user.id) }))!.failedAttempts).toBe(0);
  });

  it("refuses transactions opened around transaction()", async () => {
    await expect(db.transaction(async () => undefined)).rejects.toThrow("transaction() from lib/db/client");
  });
});
