// Sign-up mail through SMTP_URL (decision 014): with a mail server configured, the code and the notice go out over
// SMTP, nothing stays in the local outbox, and the sign-up answers before the mail server has accepted the mail, so
// its speed cannot show in the answer's timing (security bar H62). The mail server is a minimal one in this process.
import { once } from "node:events";
import { createServer, type Socket } from "node:net";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { newToken } from "@/lib/crypto/tokens";
import { confirmSignUp, portalClient, startSignUp } from "@/test/portal-client";
import { inspect, newDatabase, removeDatabase } from "./database";
import { freePorts, originOf, startServer, stopAllServers } from "./servers";

const PASSWORD = "a long enough test password";

type Received = { from: string; to: string[]; data: string };

/**
 * Just enough SMTP (RFC 5321) for one client: no extensions, so nodemailer sends plain text. Each message's final
 * "250" waits until `release()`: until then the sender has not delivered it.
 */
function mailServer() {
  const received: Received[] = [];
  const waiting: (() => void)[] = [];
  let held: (() => void)[] = [];
  let holding = false;
  const server = createServer((socket: Socket) => {
    let buffer = "";
    let current: Received = { from: "", to: [], data: "" };
    let inData = false;
    socket.write("220 localhost test SMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (let end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line !== ".") {
            current.data += `${line.startsWith("..") ? line.slice(1) : line}\n`;
            continue;
          }
          inData = false;
          const accept = () => {
            received.push(current);
            current = { from: "", to: [], data: "" };
            socket.write("250 queued\r\n");
            waiting.splice(0).forEach((wake) => wake());
          };
          if (holding) {
            held.push(accept);
            waiting.splice(0).forEach((wake) => wake());
          } else accept();
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250 localhost\r\n");
        else if (verb === "MAIL") {
          current.from = line;
          socket.write("250 ok\r\n");
        } else if (verb === "RCPT") {
          current.to.push(line);
          socket.write("250 ok\r\n");
        } else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
    socket.on("error", () => {});
  });
  return {
    server,
    received,
    hold: () => (holding = true),
    /** Lets every held message through. */
    release: () => {
      holding = false;
      held.splice(0).forEach((accept) => accept());
      held = [];
    },
    /** Resolves when `count` messages have been accepted. */
    async until(count: number): Promise<Received[]> {
      while (received.length < count) await new Promise<void>((wake) => waiting.push(wake));
      return received;
    },
    /** Resolves when a message is waiting for its "250" (every arrival and acceptance wakes the waiters). */
    async untilHeld(): Promise<void> {
      while (held.length === 0) await new Promise<void>((wake) => waiting.push(wake));
    },
  };
}

const database = newDatabase();
const smtp = mailServer();
afterEach(() => stopAllServers());
afterAll(() => {
  smtp.server.close();
  removeDatabase(database);
});

describe("sign-up mail over SMTP", () => {
  it("H62 the code goes out over SMTP after the answer, the account is made with it, and the outbox stays empty", async () => {
    const [appPort, smtpPort] = await freePorts(2);
    smtp.server.listen(smtpPort, "localhost");
    await once(smtp.server, "listening");
    const origin = originOf(appPort);
    await startServer({
      port: appPort,
      databaseUrl: database.url,
      authSecret: database.authSecret,
      origins: [origin],
      env: { SMTP_URL: `smtp://localhost:${smtpPort}`, MAIL_FROM: "Passkey Lab Test <lab@passkey-lab.test>" },
    });
    const client = portalClient(origin, "198.18.0.62");
    const email = `smtp-${newToken(6)}@durability.test`.toLowerCase();

    // The mail server holds its acceptance: the sign-up has answered while the mail is still on its way.
    smtp.hold();
    const start = await startSignUp(client, email, PASSWORD);
    expect(start.result).toMatchObject({ ok: true, next: "code" });
    await smtp.untilHeld();
    expect(smtp.received).toHaveLength(0);
    smtp.release();

    const [mail] = await smtp.until(1);
    expect(mail.from).toContain("<lab@passkey-lab.test>");
    expect(mail.to).toEqual([`RCPT TO:<${email}>`]);
    expect(mail.data).toMatch(/^From: Passkey Lab Test <lab@passkey-lab\.test>$/m);
    const code = mail.data.match(/^ +(\d{6})$/m)?.[1];
    expect(code).toMatch(/^\d{6}$/);

    if (!start.result?.ok) throw new Error("the sign-up's first step was refused");
    const { jar, ...confirm } = await confirmSignUp(client, start.result.pendingToken, code!);
    expect(confirm.setCookies.some((cookie) => cookie.startsWith("authjs.session-token="))).toBe(true);
    expect((await fetch(`${origin}/account`, { headers: { Cookie: jar.header() }, redirect: "manual" })).status).toBe(
      200,
    );

    // The same address again: its owner gets the notice over SMTP, without a code.
    await startSignUp(client, email, "another long password");
    const [, notice] = await smtp.until(2);
    expect(notice.to).toEqual([`RCPT TO:<${email}>`]);
    expect(notice.data).toContain("You already have an");
    expect(notice.data).not.toMatch(/^ +\d{6}$/m);

    const kept = await inspect(database, (db) => db.execute("select count(*) as n from outbox_mails"));
    expect(Number(kept.rows[0].n)).toBe(0);
  });
});
