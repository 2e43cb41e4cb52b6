// Scale-out: two `next start` instances on one database file share every ceremony, because challenges and sessions
// live in the database and the shared AUTH_SECRET, never in a process's memory.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { newDemoAddress } from "@/lib/wallet/addresses";
import { finishPasskeySignIn, signInWithPasskey, startPasskeySignIn, withdraw } from "@/test/portal-client";
import type { PortalAccount } from "./accounts";
import { newDatabase, removeDatabase, sessionsIssued, useInThisProcess } from "./database";
import { RecordingClient } from "./recording-client";
import { freePorts, originOf, startServer, stopAllServers } from "./servers";

const database = newDatabase();
let account: PortalAccount;

beforeAll(async () => {
  await useInThisProcess(database);
  const { createPortalAccounts } = await import("./accounts");
  [account] = await createPortalAccounts(1);
});

afterEach(() => stopAllServers());
afterAll(() => removeDatabase(database));

describe("two instances on one database", () => {
  it("G56 options from one instance, verification on the other: sign-in succeeds, and the session works on both", async () => {
    const ports = await freePorts(2);
    const origins = ports.map(originOf);
    const [first, second] = await Promise.all(
      ports.map((port) => startServer({ port, databaseUrl: database.url, authSecret: database.authSecret, origins })),
    );
    const onFirst = new RecordingClient(first.url);
    const onSecond = new RecordingClient(second.url);

    // The browser is on the first instance's origin; the load balancer sends the verification to the second.
    const start = await startPasskeySignIn(onFirst, account.email);
    expect(start.result).toMatchObject({ ok: true });
    if (!start.result?.ok) return;
    const finish = await finishPasskeySignIn(
      onSecond,
      start.result.data.ceremonyId,
      account.authenticator.authenticate(start.result.data.options, first.url),
    );
    expect(finish.status).toBeLessThan(500);
    expect(finish.signedIn, `verification on the second instance: ${finish.body.slice(0, 200)}`).toBe(true);
    expect(await sessionsIssued(database, account.userId)).toBe(1);

    // And the other way round; then a session from one instance is honoured by the other for a withdrawal.
    const { jar } = await signInWithPasskey(onSecond, account.authenticator, {
      email: account.email,
      verifier: onFirst,
    });
    const withdrawal = await withdraw({ client: onFirst, jar }, account.authenticator, {
      amount: "0.5",
      destination: newDemoAddress(),
    });
    expect(withdrawal.balance).toBe(9.5 * 10 ** 8);
    expect([...onFirst.problems, ...onSecond.problems]).toEqual([]);
  });
});
