// kill -9 of the server, again and again, while clients sign in with passkeys, withdraw and add passkeys: after every
// restart the file is sound, every withdrawal and passkey a client saw acknowledged is there, and every ledger still
// explains its balance (security bar G55).
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { UNITS_PER_LAB } from "@/lib/wallet/amounts";
import { newDemoAddress } from "@/lib/wallet/addresses";
import { addPasskey, FlowError, signInWithPasskey, stepUpWithPasskey, withdraw } from "@/test/portal-client";
import type { PortalAccount } from "./accounts";
import {
  integrityCheck,
  missingPasskeys,
  missingWithdrawals,
  newDatabase,
  removeDatabase,
  unbalancedWallets,
  useInThisProcess,
} from "./database";
import { RecordingClient } from "./recording-client";
import { freePorts, originOf, startServer, stopAllServers, stopServer } from "./servers";

const ROUNDS = 5;
/** One client per account, each doing one thing at a time, as a person does. */
const CLIENTS = 4;
/** Acknowledged writes (withdrawals, passkeys) to wait for before each kill, so the kill lands while writes are under way. */
const WRITES_PER_ROUND = 3;
const ROUND_LIMIT_MS = 30_000;
const AMOUNT = { text: "0.001", units: 0.001 * UNITS_PER_LAB };

const database = newDatabase();
let accounts: PortalAccount[];

beforeAll(async () => {
  await useInThisProcess(database);
  const { createPortalAccounts } = await import("./accounts");
  accounts = await createPortalAccounts(CLIENTS);
});

afterEach(() => stopAllServers());
afterAll(() => removeDatabase(database));

/** The load: sign in, withdraw, add a passkey, withdraw, repeat; while the server is down, wait for it to be back. */
class Load {
  readonly acknowledged = new Map<string, number>();
  readonly acknowledgedPasskeys = new Set<string>();
  readonly refusals: string[] = [];
  private stopped = false;
  private up: Promise<void> = Promise.resolve();
  private markUp = () => {};
  private onAcknowledged = () => {};
  private readonly clients: Promise<void>[];

  constructor(readonly client: RecordingClient) {
    this.clients = accounts.map((account) => this.run(account));
  }

  serverDown() {
    this.up = new Promise((resolve) => (this.markUp = resolve));
  }

  serverUp() {
    this.markUp();
  }

  private get written() {
    return this.acknowledged.size + this.acknowledgedPasskeys.size;
  }

  /** Resolves once `count` more writes have been acknowledged. */
  async acknowledgements(count: number, timeoutMs: number) {
    const target = this.written + count;
    const deadline = Date.now() + timeoutMs;
    while (this.written < target) {
      if (Date.now() > deadline)
        throw new Error(`only ${this.written} of ${target} writes acknowledged in ${timeoutMs} ms`);
      await Promise.race([new Promise<void>((resolve) => (this.onAcknowledged = resolve)), sleep(500)]);
    }
  }

  async stop() {
    this.stopped = true;
    this.serverUp();
    await Promise.all(this.clients);
  }

  private async run(account: PortalAccount) {
    while (!this.stopped) {
      try {
        const session = await signInWithPasskey(this.client, account.authenticator, { email: account.email });
        for (let i = 0; i < 3 && !this.stopped; i++) {
          if (i === 1) {
            // As the account page adds one: a step-up with the account's passkey, then a new passkey.
            await stepUpWithPasskey(session, account.authenticator, "add-passkey");
            this.acknowledgedPasskeys.add(await addPasskey(session));
          } else {
            const { withdrawalId } = await withdraw(session, account.authenticator, {
              amount: AMOUNT.text,
              destination: newDemoAddress(),
            });
            this.acknowledged.set(withdrawalId, AMOUNT.units);
          }
          this.onAcknowledged();
        }
      } catch (error) {
        // A refused connection or a reset mid-request is the kill; a typed refusal is noted for the report.
        if (error instanceof FlowError) this.refusals.push(error.message);
        await this.up;
      }
    }
  }
}

describe("kill -9 in a loop", () => {
  it(`G55 kill -9 of the server ${ROUNDS} times while clients sign in, withdraw and add passkeys: integrity ok, acknowledged writes kept, ledgers balanced`, async () => {
    const [port] = await freePorts(1);
    const settings = { port, databaseUrl: database.url, authSecret: database.authSecret, origins: [originOf(port)] };
    const client = new RecordingClient(originOf(port));
    let server = await startServer(settings);
    const load = new Load(client);
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        await load.acknowledgements(WRITES_PER_ROUND, ROUND_LIMIT_MS);
        load.serverDown();
        await stopServer(server, "SIGKILL");
        server = await startServer(settings);
        load.serverUp();

        expect(await integrityCheck(database), `integrity after kill ${round}`).toEqual(["ok"]);
        expect(
          await missingWithdrawals(database, load.acknowledged),
          `acknowledged withdrawals after kill ${round}`,
        ).toEqual([]);
        expect(
          await missingPasskeys(database, load.acknowledgedPasskeys),
          `acknowledged passkeys after kill ${round}`,
        ).toEqual([]);
        expect(await unbalancedWallets(database), `ledgers after kill ${round}`).toEqual([]);
      }
      // Writes go on after the last restart.
      await load.acknowledgements(WRITES_PER_ROUND, ROUND_LIMIT_MS);
    } finally {
      await load.stop();
    }
    expect(await integrityCheck(database)).toEqual(["ok"]);
    expect(await missingWithdrawals(database, load.acknowledged)).toEqual([]);
    expect(load.acknowledgedPasskeys.size, "passkeys added under the kills").toBeGreaterThan(0);
    expect(await missingPasskeys(database, load.acknowledgedPasskeys)).toEqual([]);
    expect(await unbalancedWallets(database)).toEqual([]);
    expect(client.problems, "5xx or busy-database answers").toEqual([]);
    console.info(
      `G55: ${load.acknowledged.size} acknowledged withdrawals and ${load.acknowledgedPasskeys.size} passkeys over ${ROUNDS} kills; ${load.refusals.length} typed refusals${load.refusals.length ? `: ${[...new Set(load.refusals)].slice(0, 5).join("; ")}` : ""}`,
    );
  });
});
