// The local outbox: where mail goes when no SMTP server is configured (the demo and the tests). Each mail is also
// printed to the server log, so `npm run demo` shows its codes in the terminal. The outbox holds codes and notices
// that tell whether an address has an account, so it is kept only 24 hours and is shown only by a development
// server (app/dev/outbox; docs/decisions/014).
import "server-only";
import { desc, lt } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { outboxMails } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import type { Mail } from "./mail";

export const OUTBOX_RETENTION_MS = 24 * 60 * 60_000;

/** Keeps `mail` in the outbox and prints it; mail older than the retention goes in the same breath. */
export async function keepInOutbox(mail: Mail, now = Date.now()): Promise<void> {
  await db
    .insert(outboxMails)
    .values({ id: newToken(12), recipient: mail.to, subject: mail.subject, body: mail.text, createdAt: new Date(now) });
  await deleteOldOutboxMail(now);
  console.log(
    `[mail] No SMTP_URL set: kept in the local outbox instead of sending.\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`,
  );
}

export async function deleteOldOutboxMail(now = Date.now()): Promise<void> {
  await db.delete(outboxMails).where(lt(outboxMails.createdAt, new Date(now - OUTBOX_RETENTION_MS)));
}

/** The newest mail first, for the development outbox page. */
export async function listOutbox(limit = 50) {
  return db.query.outboxMails.findMany({ orderBy: [desc(outboxMails.createdAt)], limit });
}
