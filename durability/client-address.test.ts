// SEC-59: the address per-client limits count is one the client cannot choose (security bar H59). Real servers
// (server.mjs, as `npm start`) on a fresh database, sent what a stranger would send: a fresh forged X-Forwarded-For on
// every request, or a victim's address. One server runs as by default (no proxy), one behind a trusted proxy (the
// test plays the proxy on loopback).
import { spawn } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startPasswordSignIn, startSignUp } from "@/test/portal-client";
import { DIST_DIR } from "@/test/server-action-client";
import { inspect, newDatabase, removeDatabase, useInThisProcess } from "./database";
import { RecordingClient } from "./recording-client";
import { freePorts, originOf, REPO_ROOT, startServer, stopAllServers } from "./servers";

const database = newDatabase();
/** The password and sign-up budgets per client (lib/auth/rate-limit.ts limits.passwordPerClient, signUpPerClient). */
const PASSWORD_BUDGET = 60;
const SIGN_UP_BUDGET = 30;

beforeAll(() => useInThisProcess(database));
afterEach(() => stopAllServers());
afterAll(() => removeDatabase(database));

/**
 * The password form as a browser posts it, with the X-Forwarded-For the caller chose, for an email nobody has (so no
 * account is locked): the answer's code, or the HTTP status.
 */
async function wrongPassword(client: RecordingClient, forwardedFor: string): Promise<string> {
  const response = await startPasswordSignIn(client, "nobody@client-address.test", "not the password at all", {
    headers: { "X-Forwarded-For": forwardedFor },
  });
  return response.result && !response.result.ok ? response.result.code : `HTTP ${response.status}`;
}

/** The first step of a sign-up, with the X-Forwarded-For the caller chose: the answer's code, or "started". */
async function signUp(client: RecordingClient, forwardedFor: string, n: number): Promise<string> {
  const email = `person-${n}@client-address.test`;
  const response = await startSignUp(client, email, "a long enough test password", {
    headers: { "X-Forwarded-For": forwardedFor },
  });
  if (!response.result) return `HTTP ${response.status}`;
  return response.result.ok ? "started" : response.result.code;
}

async function bucketKeys(): Promise<string[]> {
  return inspect(database, async (client) =>
    (await client.execute("SELECT key FROM rate_limit_buckets")).rows.map((row) => String(row[0])),
  );
}

describe("the client's address", () => {
  it("SEC-59 with no proxy configured, a fresh forged X-Forwarded-For on every request does not reset the password limit, and a victim's address is never charged", async () => {
    const [port] = await freePorts(1);
    const server = await startServer({
      port,
      databaseUrl: database.url,
      authSecret: database.authSecret,
      origins: [originOf(port)],
      trustedProxies: "",
    });
    const attacker = new RecordingClient(server.url);
    const answers: string[] = [];
    for (let i = 0; i < PASSWORD_BUDGET; i++) answers.push(await wrongPassword(attacker, `198.51.100.${i % 250}`));
    expect(
      answers.every((code) => code === "auth:invalid-credentials"),
      answers.join(", "),
    ).toBe(true);
    // The 61st wrong password, from yet another "address", meets the limit: the socket is the same one.
    expect(await wrongPassword(attacker, "203.0.113.250")).toBe("rate:limited");

    // Spending a victim's budget: the forged victim address is never a key the limits count under.
    expect(await wrongPassword(attacker, "192.0.2.77")).toBe("rate:limited");
    const keys = (await bucketKeys()).filter((key) => key.startsWith("password:client:"));
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^password:client:(127\.0\.0\.1|::\/64)$/);

    // The sign-up limit holds the same way: 30 an hour from one socket, whatever each request claims.
    const signUps: string[] = [];
    for (let i = 0; i < SIGN_UP_BUDGET; i++) signUps.push(await signUp(attacker, `198.51.100.${i}`, i));
    expect(
      signUps.every((answer) => answer === "started"),
      signUps.join(", "),
    ).toBe(true);
    expect(await signUp(attacker, "203.0.113.251", SIGN_UP_BUDGET)).toBe("rate:limited");
  });

  it("SEC-59 behind a trusted proxy, the address the proxy saw counts, not what the client wrote to its left", async () => {
    await inspect(database, (client) => client.execute("DELETE FROM rate_limit_buckets"));
    const [port] = await freePorts(1);
    const server = await startServer({
      port,
      databaseUrl: database.url,
      authSecret: database.authSecret,
      origins: [originOf(port)],
      trustedProxies: "loopback",
    });
    const proxy = new RecordingClient(server.url);
    // The proxy appends the address it saw (198.51.100.7) to whatever the client sent.
    for (let i = 0; i < PASSWORD_BUDGET; i++)
      expect(await wrongPassword(proxy, `10.9.${i}.1, 198.51.100.7`)).toBe("auth:invalid-credentials");
    expect(await wrongPassword(proxy, "forged-fresh, 198.51.100.7")).toBe("rate:limited");
    // Another person behind the same proxy keeps their own budget.
    expect(await wrongPassword(proxy, "198.51.100.7, 198.51.100.8")).toBe("auth:invalid-credentials");
    const keys = (await bucketKeys()).filter((key) => key.startsWith("password:client:")).sort();
    expect(keys).toEqual(["password:client:198.51.100.7", "password:client:198.51.100.8"]);
  });

  it("SEC-59 a bare `next start`, which cannot tell clients apart, refuses to serve and says how to start", async () => {
    const [port] = await freePorts(1);
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port)], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: DIST_DIR,
        DATABASE_URL: database.url,
        AUTH_SECRET: database.authSecret,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    const code = await new Promise<number | null>((settle) => child.once("exit", settle));
    expect(code, output).toBe(1);
    expect(output).toContain("Passkey Lab cannot start. Run it with `npm start` (server.mjs)");
  });
});
