// A sign-in ticket is what a verified ceremony (password + TOTP, or a passkey) hands to Auth.js: single-use,
// one minute, stored hashed. The Credentials provider redeems it for a session.
import { and, eq, gt, isNull } from "drizzle-orm";
import { db, type Tx } from "@/lib/db/client";
import { signInTickets } from "@/lib/db/schema";
import { hashToken, newToken } from "@/lib/crypto/tokens";

const TICKET_TTL_MS = 60_000;

export type TicketMethod = (typeof signInTickets.$inferInsert)["method"];

export async function issueTicket(writer: Tx | typeof db, userId: string, method: TicketMethod): Promise<string> {
  const ticket = newToken();
  await writer.insert(signInTickets).values({
    tokenHash: hashToken(ticket),
    userId,
    method,
    expiresAt: new Date(Date.now() + TICKET_TTL_MS),
  });
  return ticket;
}

/** Spends a ticket and returns its user id; null when it is unknown, expired or already spent. */
export async function redeemTicket(ticket: string): Promise<string | null> {
  const now = new Date();
  const [row] = await db
    .update(signInTickets)
    .set({ consumedAt: now })
    .where(
      and(
        eq(signInTickets.tokenHash, hashToken(ticket)),
        isNull(signInTickets.consumedAt),
        gt(signInTickets.expiresAt, now),
      ),
    )
    .returning({ userId: signInTickets.userId });
  return row?.userId ?? null;
}
