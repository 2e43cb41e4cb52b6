// Over https the session cookie carries the `__Host-` prefix (security bar D35): Secure, Path=/, no Domain, so no
// sibling or parent domain can set or overwrite it. The portal here answers plain HTTP on localhost but is configured
// for an https origin, as behind a TLS-terminating proxy; the test reads the Set-Cookie header itself.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { newToken } from "@/lib/crypto/tokens";
import { confirmSignUp, startSignUp } from "@/test/portal-client";
import { CookieJar, ServerActionClient } from "@/test/server-action-client";
import { inspect, newDatabase, removeDatabase } from "./database";
import { freePorts, originOf, startServer, stopAllServers } from "./servers";

const database = newDatabase();
afterEach(() => stopAllServers());
afterAll(() => removeDatabase(database));

describe("session cookie over https", () => {
  it("D35 is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/, without Domain, and is honoured", async () => {
    const [port] = await freePorts(1);
    const httpsOrigin = `https://localhost:${port}`;
    await startServer({ port, databaseUrl: database.url, authSecret: database.authSecret, origins: [httpsOrigin] });
    const client = new ServerActionClient(originOf(port), undefined, {
      Origin: httpsOrigin,
      "X-Forwarded-For": "198.18.0.35",
    });
    const jar = new CookieJar();

    const email = `d35-${newToken(6)}@durability.test`.toLowerCase();
    const start = await startSignUp(client, email, "a long enough test password", { jar });
    // No SMTP_URL: the code is in the server's outbox, in its database (lib/mail/outbox.ts).
    const mail = await inspect(database, (db) =>
      db.execute({
        sql: "select body from outbox_mails where recipient = ? order by created_at desc limit 1",
        args: [email],
      }),
    );
    const code = String(mail.rows[0]?.body ?? "").match(/^\s+(\d{6})$/m)?.[1] ?? "";
    const pendingToken = start.result?.ok ? start.result.pendingToken : "";
    const signUp = await confirmSignUp(client, pendingToken, code, jar);
    const session = signUp.setCookies.find((cookie) => cookie.startsWith("__Host-authjs.session-token="));
    expect(session, signUp.setCookies.join("\n")).toBeDefined();
    const attributes = session!
      .split(";")
      .slice(1)
      .map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["path=/", "secure", "httponly", "samesite=lax"]));
    expect(attributes.some((attribute) => attribute.startsWith("domain="))).toBe(false);
    expect(signUp.setCookies.some((cookie) => cookie.startsWith("authjs.session-token="))).toBe(false);

    const account = await fetch(`${originOf(port)}/account`, { headers: { Cookie: jar.header() }, redirect: "manual" });
    expect(account.status).toBe(200);
  });
});
