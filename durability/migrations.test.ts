// Two instances starting at the same moment on an empty database: both must come up, and each migration must be
// applied exactly once (security bar G57); the file must be left in WAL mode (G53).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { inspect, newDatabase, removeDatabase, type TestDatabase } from "./database";
import { freePorts, launch, originOf, pauseServer, REPO_ROOT, stopAllServers, waitUntilReady } from "./servers";

/**
 * Several rounds, each on a new empty file: the race is a matter of milliseconds, so one lucky round proves little.
 * Raise DURABILITY_MIGRATION_ROUNDS to check a fix harder.
 */
const ROUNDS = Number(process.env.DURABILITY_MIGRATION_ROUNDS ?? 8);

const journal = JSON.parse(readFileSync(join(REPO_ROOT, "drizzle", "meta", "_journal.json"), "utf8")) as {
  entries: { tag: string; when: number }[];
};

const databases: TestDatabase[] = [];

afterEach(async () => {
  await stopAllServers();
  for (const database of databases.splice(0)) removeDatabase(database);
});

describe("migrations with two instances", () => {
  it("G57 both instances starting together on an empty database become ready and apply each migration once", async () => {
    const problems: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const database = newDatabase();
      databases.push(database);
      const ports = await freePorts(2);
      const origins = ports.map(originOf);
      // Two processes spawned together still boot hundreds of milliseconds apart, while migrating takes tens. So each
      // is frozen as it prints "starting" (server.mjs prints it before Next.js loads the config and runs instrumentation.ts),
      // and both are thawed at once: from there they do the same work side by side, as on a fleet restart.
      const servers = ports.map((port) =>
        launch({ port, databaseUrl: database.url, authSecret: database.authSecret, origins }),
      );
      const frozen = await Promise.allSettled(
        servers.map((server) => server.waitForOutput(/Passkey Lab starting/).then(() => pauseServer(server, true))),
      );
      for (const server of servers) pauseServer(server, false);
      frozen.forEach((outcome, i) => {
        if (outcome.status === "rejected")
          problems.push(`round ${round}, instance ${i + 1}: ${(outcome.reason as Error).message}`);
      });
      const readiness = await Promise.allSettled(servers.map((server) => waitUntilReady(server)));
      readiness.forEach((outcome, i) => {
        if (outcome.status === "rejected")
          problems.push(`round ${round}, instance ${i + 1} did not start: ${(outcome.reason as Error).message}`);
      });

      const { rows, journalMode } = await inspect(database, async (client) => ({
        rows: (await client.execute("SELECT name FROM sqlite_master WHERE name = '__drizzle_migrations'")).rows.length
          ? (await client.execute("SELECT hash, created_at FROM __drizzle_migrations ORDER BY id")).rows
          : [],
        journalMode: String((await client.execute("PRAGMA journal_mode")).rows[0]?.[0]),
      }));
      const applied = rows.map((row) => Number(row[1]));
      const expected = journal.entries.map((entry) => entry.when);
      if (JSON.stringify(applied) !== JSON.stringify(expected)) {
        problems.push(
          `round ${round}: __drizzle_migrations holds created_at [${applied.join(", ")}], want one row per journal entry [${expected.join(", ")}]`,
        );
      }
      if (journalMode !== "wal") problems.push(`round ${round}: journal_mode is ${journalMode}, want wal`);
      await stopAllServers("SIGTERM");
    }
    expect(problems, problems.join("\n\n")).toEqual([]);
  });
});
