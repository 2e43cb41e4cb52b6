// A server restarted between a ceremony's options and its verification (a deploy, a crash): the challenge lives in the
// database, so the ceremony completes once on the new process, or fails cleanly; never a 5xx, never two sessions.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeAnswer, finishPasskeySignIn, startPasskeySignIn } from "@/test/portal-client";
import type { PortalAccount } from "./accounts";
import { newDatabase, removeDatabase, sessionsIssued, useInThisProcess } from "./database";
import { RecordingClient } from "./recording-client";
import { freePorts, originOf, startServer, stopAllServers, stopServer } from "./servers";

const database = newDatabase();
let account: PortalAccount;

beforeAll(async () => {
  await useInThisProcess(database);
  const { createPortalAccounts } = await import("./accounts");
  [account] = await createPortalAccounts(1);
});

afterEach(() => stopAllServers());
afterAll(() => removeDatabase(database));

describe("restart during a ceremony", () => {
  it("G56 a restart (SIGTERM, then kill -9) between options and verification: the ceremony completes once or fails cleanly", async () => {
    const [port] = await freePorts(1);
    const settings = { port, databaseUrl: database.url, authSecret: database.authSecret, origins: [originOf(port)] };
    const client = new RecordingClient(originOf(port));

    let server = await startServer(settings);
    for (const signal of ["SIGTERM", "SIGKILL"] as const) {
      const sessionsBefore = await sessionsIssued(database, account.userId);
      const start = await startPasskeySignIn(client, account.email);
      if (!start.result?.ok) throw new Error(`sign-in options: ${describeAnswer(start)}`);
      const { ceremonyId, options } = start.result.data;
      const assertion = account.authenticator.authenticate(options, client.baseUrl);
      await stopServer(server, signal);

      server = await startServer(settings);
      const finish = await finishPasskeySignIn(client, ceremonyId, assertion);
      const completed = finish.signedIn;
      console.info(
        `G56: after ${signal} the ceremony ${completed ? "completed" : `failed cleanly: ${describeAnswer(finish)}`}`,
      );
      // Completing is what a database-held challenge allows; failing is acceptable only as a typed result.
      if (!completed)
        expect(finish.result, `after ${signal}: ${describeAnswer(finish)}`).toMatchObject({
          ok: false,
          code: expect.any(String),
        });
      // The same assertion again, twice at once, on the new process: never a second session.
      const replays = await Promise.all([1, 2].map(() => finishPasskeySignIn(client, ceremonyId, assertion)));
      expect(
        replays.filter((replay) => replay.signedIn),
        `replays after ${signal}`,
      ).toHaveLength(0);
      expect(client.problems, `answers after ${signal}`).toEqual([]);
      expect(await sessionsIssued(database, account.userId), `sessions after ${signal}`).toBe(
        sessionsBefore + (completed ? 1 : 0),
      );
    }
  });
});
