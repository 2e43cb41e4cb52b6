import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db, transaction, type Tx } from "@/lib/db/client";
import { users, type User } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { hashPassword } from "./password";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Built once (Drizzle .prepare()): getUser runs on every authenticated request, and building the query each time cost
// as much as running it (docs/performance.md).
const userByEmail = db.query.users.findFirst({ where: eq(users.email, sql.placeholder("email")) }).prepare();
const userById = db.query.users.findFirst({ where: eq(users.id, sql.placeholder("id")) }).prepare();

export async function findUserByEmail(email: string): Promise<User | undefined> {
  return userByEmail.execute({ email: normaliseEmail(email) });
}

export async function getUser(id: string): Promise<User | undefined> {
  return userById.execute({ id });
}

/** Creates an account; null when the email is taken. */
export async function createUser(email: string, password: string, role: User["role"] = "user"): Promise<User | null> {
  return insertUser(db, email, await hashPassword(password), role);
}

/** Creates an account from an already hashed password (a sign-up whose code came back); null when the email is taken. */
export async function insertUser(
  writer: Tx | typeof db,
  email: string,
  passwordHash: string,
  role: User["role"] = "user",
): Promise<User | null> {
  const [user] = await writer
    .insert(users)
    .values({
      id: newToken(16),
      email: normaliseEmail(email),
      passwordHash,
      role,
      // WebAuthn user.id: 64 random bytes, no personal data (WebAuthn L3 §14.6.1; security bar A17).
      webauthnUserId: randomBytes(64).toString("base64url"),
      sessionsValidAfter: new Date(0),
    })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return user ?? null;
}

/** Ends every session the person has (per-user valid-after on top of Auth.js JWTs). */
export async function endAllSessions(userId: string, at = new Date()): Promise<void> {
  // Durable: a sign-out undone by a power cut would bring the signed-out sessions back (decision 007).
  await transaction((tx) => tx.update(users).set({ sessionsValidAfter: at }).where(eq(users.id, userId)), {
    durable: true,
  });
}
