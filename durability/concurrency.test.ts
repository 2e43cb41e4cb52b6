// 200 people at once, each signing in with a passkey and withdrawing, spread over two instances on one database file:
// nobody sees a 5xx or a busy database, everyone gets through, and every ledger explains its balance (security bar G54).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { OPENING_BALANCE, UNITS_PER_LAB } from "@/lib/wallet/amounts";
import { newDemoAddress } from "@/lib/wallet/addresses";
import { signInWithPasskey, withdraw } from "@/test/portal-client";
import type { PortalAccount } from "./accounts";
import { inspect, newDatabase, removeDatabase, unbalancedWallets, useInThisProcess } from "./database";
import { BUSY_TEXT, RecordingClient } from "./recording-client";
import { freePorts, originOf, startServer, stopAllServers } from "./servers";

const FLOWS = 200;
const ACCOUNTS = 20;
const LIMIT_MS = 90_000;
const AMOUNT = { text: "0.01", units: 0.01 * UNITS_PER_LAB };

const database = newDatabase();
let accounts: PortalAccount[];

beforeAll(async () => {
  await useInThisProcess(database);
  const { createPortalAccounts } = await import("./accounts");
  // Counters that stay 0, as synced passkeys report them: one account's ten ceremonies may finish in any order.
  accounts = await createPortalAccounts(ACCOUNTS, "zero");
});

afterEach(() => stopAllServers());
afterAll(() => removeDatabase(database));

describe("200 at once", () => {
  it(`G54 ${FLOWS} concurrent passkey sign-ins and withdrawals on two instances: no 5xx, no SQLITE_BUSY, ledgers balanced`, async () => {
    const ports = await freePorts(2);
    const origins = ports.map(originOf);
    const servers = await Promise.all(
      ports.map((port) => startServer({ port, databaseUrl: database.url, authSecret: database.authSecret, origins })),
    );
    // One client per person and instance: each simulated person has an address of their own (per-client rate limits).
    const clients = servers.flatMap((server) =>
      accounts.map((_, a) => new RecordingClient(server.url, `198.19.${a}.1`)),
    );

    const flow = async (i: number) => {
      const account = accounts[i % accounts.length];
      const client = clients[(i % servers.length) * accounts.length + (i % accounts.length)];
      const session = await signInWithPasskey(client, account.authenticator, { email: account.email });
      return withdraw(session, account.authenticator, { amount: AMOUNT.text, destination: newDemoAddress() });
    };
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${FLOWS} flows not done in ${LIMIT_MS} ms`)), LIMIT_MS);
    });
    const outcomes = await Promise.race([
      Promise.allSettled(Array.from({ length: FLOWS }, (_, i) => flow(i))),
      limit,
    ]).finally(() => clearTimeout(timer));

    console.info(
      `G54: ${FLOWS} sign-ins + withdrawals (${clients.reduce((sum, client) => sum + client.answers, 0)} server actions) in ${Date.now() - started} ms`,
    );
    const failures = outcomes.flatMap((outcome) =>
      outcome.status === "rejected" ? [String((outcome.reason as Error).message)] : [],
    );
    const serverLogs = servers.flatMap((server) =>
      server
        .output()
        .split("\n")
        .filter((line) => BUSY_TEXT.test(line)),
    );
    expect(
      clients.flatMap((client) => client.problems),
      "5xx or busy-database answers",
    ).toEqual([]);
    expect(serverLogs, "busy database in the server logs").toEqual([]);
    expect(
      failures,
      `failed flows (${failures.length} of ${FLOWS}): ${[...new Set(failures)].slice(0, 5).join("; ")}`,
    ).toEqual([]);

    expect(await unbalancedWallets(database)).toEqual([]);
    const { withdrawn, balances } = await inspect(database, async (client) => ({
      withdrawn: Number((await client.execute("SELECT count(*) FROM withdrawals")).rows[0]?.[0]),
      balances: (await client.execute("SELECT balance FROM wallets")).rows.map((row) => Number(row[0])),
    }));
    expect(withdrawn).toBe(FLOWS);
    expect(balances).toEqual(Array(ACCOUNTS).fill(OPENING_BALANCE - (FLOWS / ACCOUNTS) * AMOUNT.units));
  });
});
