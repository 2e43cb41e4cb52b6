// Challenges live in the database: single-use, at most 5 minutes, bound to a purpose and, where there is one, a user
// and a session. Nothing is kept in process memory, so any instance can finish a ceremony another one started.
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { allow, limits, rateLimited } from "@/lib/auth/rate-limit";
import { db, transaction, type Tx } from "@/lib/db/client";
import { challenges, type ChallengePurpose } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { AppError, fail, catchAppError, ok, type Result } from "@/lib/result";
import { CEREMONY_TIMEOUT_MS } from "./relying-party";

export type Challenge = typeof challenges.$inferSelect;

type NewChallenge = {
  purpose: ChallengePurpose;
  value: string;
  userId?: string | null;
  sessionId?: string | null;
  payloadHash?: string | null;
  allowedCredentialIds?: string[] | null;
};

/** Stores a new challenge; `writer` lets a caller commit it together with its own writes (one commit, not two). */
export async function saveChallenge(challenge: NewChallenge, writer: Tx | typeof db = db): Promise<string> {
  const id = newToken(16);
  await writer.insert(challenges).values({ id, ...challenge, expiresAt: new Date(Date.now() + CEREMONY_TIMEOUT_MS) });
  return id;
}

/**
 * Stores the challenge of a signed-in account's ceremony (step-up, add-a-passkey, withdrawal), counted against the
 * account's options budget in the same commit (security bar E46).
 */
export async function saveAccountChallenge(challenge: NewChallenge & { userId: string }): Promise<Result<string>> {
  return transaction(async (tx) => {
    if (!(await allow(limits.ceremonyOptionsPerAccount, challenge.userId, tx))) return rateLimited();
    return ok(await saveChallenge(challenge, tx));
  });
}

function openChallenge(id: string, now: Date) {
  return and(eq(challenges.id, id), isNull(challenges.consumedAt), gt(challenges.expiresAt, now));
}

// Built once (Drizzle .prepare()): every ceremony's finish step reads its challenge (docs/performance.md).
const openChallengeById = db.query.challenges
  .findFirst({
    where: and(
      eq(challenges.id, sql.placeholder("id")),
      isNull(challenges.consumedAt),
      gt(challenges.expiresAt, sql.placeholder("now")),
    ),
  })
  .prepare();

/**
 * The unspent, unexpired challenge of this ceremony, checked against the purpose and binding it was issued for
 * (security bar C28); throws `challenge:invalid` otherwise.
 */
export async function requireOpenChallenge(
  id: string,
  purpose: ChallengePurpose,
  binding: { userId?: string; sessionId?: string } = {},
): Promise<Challenge> {
  const row = await openChallengeById.execute({ id, now: Date.now() });
  const bound =
    row?.purpose === purpose &&
    (binding.userId === undefined || row.userId === binding.userId) &&
    (binding.sessionId === undefined || row.sessionId === binding.sessionId);
  if (!row || !bound) throw challengeInvalid();
  return row;
}

export function challengeInvalid(): AppError {
  return new AppError(fail("challenge:invalid", "challenge.expired-or-used"));
}

/** Marks the challenge used inside the caller's transaction; throws when another request spent it first. */
export async function consumeChallenge(tx: Tx, id: string): Promise<void> {
  const spent = await tx
    .update(challenges)
    .set({ consumedAt: new Date() })
    .where(openChallenge(id, new Date()))
    .returning({ id: challenges.id });
  if (spent.length !== 1) throw challengeInvalid();
}

/**
 * Runs the finish step of a ceremony; when it fails for any reason but the challenge itself, the challenge is spent
 * anyway — also when the failure rolled back the transaction that consumed it. One challenge, one try.
 */
export async function burnOnFailure<T>(ceremonyId: string, work: () => Promise<Result<T>>): Promise<Result<T>> {
  const result = await catchAppError(work);
  if (!result.ok && result.code !== "challenge:invalid") {
    await db.update(challenges).set({ consumedAt: new Date() }).where(eq(challenges.id, ceremonyId));
  }
  return result;
}

/**
 * Deletes expired challenges (security bar E46, 60): an expired challenge can no longer be spent, and keeping it only
 * lets a flood pile up. Run by the sweeper (lib/housekeeping) while the server runs.
 */
export async function deleteExpiredChallenges(now = Date.now()): Promise<void> {
  await db.delete(challenges).where(lt(challenges.expiresAt, new Date(now)));
}
