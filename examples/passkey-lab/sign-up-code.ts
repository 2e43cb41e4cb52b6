// The code the portal mails at sign-up. Without SMTP_URL (as under `next start` in CI) the portal keeps its mail in
// the `outbox_mails` table of its own database and prints it to its log; the config reads the database, as
// e2e/fixtures/mail.ts does: DATABASE_URL must name the running portal's database (e.g. file:/abs/path/e2e.db).
import { createClient } from "@libsql/client";

export async function signUpCodeFor(address: string): Promise<string> {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error("set DATABASE_URL to the portal's database, where it keeps the sign-up mail it could not send");
  const database = createClient({ url, authToken: process.env.DATABASE_AUTH_TOKEN, concurrency: 1 });
  try {
    // Read only: the config looks at the inbox, it never writes the portal's data.
    await database.execute("PRAGMA query_only = ON");
    const { rows } = await database.execute({
      sql: "select body from outbox_mails where recipient = ? and subject = 'Your Passkey Lab sign-up code' order by created_at desc, rowid desc limit 1",
      args: [address.trim().toLowerCase()],
    });
    const code = String(rows[0]?.body ?? "").match(/^\s+(\d{6})$/m)?.[1];
    if (!code) throw new Error(`no sign-up code mailed to ${address} in ${url}`);
    return code;
  } finally {
    database.close();
  }
}
