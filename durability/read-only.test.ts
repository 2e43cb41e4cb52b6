// The database turns read-only between a sign-in's options and its verification (a full or remounted disk, a
// replica): the verification must fail closed, with no session, and tell the person plainly (security bar G58).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeAnswer, finishPasskeySignIn, startPasskeySignIn } from "@/test/portal-client";
import type { PortalAccount } from "./accounts";
import { makeReadOnly, newDatabase, removeDatabase, sessionsIssued, useInThisProcess } from "./database";
import { RecordingClient } from "./recording-client";
import { freePorts, originOf, startServer, stopAllServers, stopServer } from "./servers";

const database = newDatabase();
let account: PortalAccount;
let restoreWritable: (() => void) | undefined;

beforeAll(async () => {
  await useInThisProcess(database);
  const { createPortalAccounts } = await import("./accounts");
  [account] = await createPortalAccounts(1);
});

afterEach(async () => {
  await stopAllServers();
  restoreWritable?.();
  restoreWritable = undefined;
});
afterAll(() => removeDatabase(database));

describe("read-only database", () => {
  it("G58 a read-only database during verification: no session, and a clear error instead of a 5xx", async () => {
    const [port] = await freePorts(1);
    const settings = { port, databaseUrl: database.url, authSecret: database.authSecret, origins: [originOf(port)] };
    const client = new RecordingClient(originOf(port));

    const writable = await startServer(settings);
    const start = await startPasskeySignIn(client, account.email);
    if (!start.result?.ok) throw new Error(`sign-in options: ${describeAnswer(start)}`);
    const assertion = account.authenticator.authenticate(start.result.data.options, client.baseUrl);
    await stopServer(writable);

    // The same file, now opened read-only by the server that verifies the assertion.
    restoreWritable = makeReadOnly(database.file);
    await startServer(settings);
    const finish = await finishPasskeySignIn(client, start.result.data.ceremonyId, assertion);
    expect(finish.status, describeAnswer(finish)).toBeLessThan(500);
    expect(finish.signedIn).toBe(false);
    expect(finish.result).toMatchObject({
      ok: false,
      code: "server:unavailable",
      message: expect.stringMatching(/\w/),
    });
    expect(client.problems).toEqual([]);
    expect(await sessionsIssued(database, account.userId)).toBe(0);
  });
});
