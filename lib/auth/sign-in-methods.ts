// The account always keeps one working way in (security bar F48). Password + 2FA counts as one method; each passkey
// that can sign in (registered or since used with user verification, which sign-in requires: decision 002) as one. Every removal checks and deletes inside one BEGIN IMMEDIATE transaction, so two concurrent removals of the
// last two methods serialise and the second sees one method left.
import { and, count, eq, isNotNull } from "drizzle-orm";
import { transaction, type Tx } from "@/lib/db/client";
import { passkeys, totpFactors, users } from "@/lib/db/schema";
import { AppError, fail, catchAppError, ok, type Result } from "@/lib/result";
import { recordEvent } from "./audit";
import { spendStepUpGrant } from "./step-up";

export type SignInMethods = { passwordWithTotp: boolean; passkeys: number; total: number };

export async function countSignInMethods(tx: Tx, userId: string): Promise<SignInMethods> {
  const user = await tx.query.users.findFirst({ where: eq(users.id, userId), columns: { passwordHash: true } });
  const totp = await tx.query.totpFactors.findFirst({
    where: and(eq(totpFactors.userId, userId), isNotNull(totpFactors.enabledAt)),
    columns: { userId: true },
  });
  const [{ value: passkeyCount }] = await tx
    .select({ value: count() })
    .from(passkeys)
    .where(and(eq(passkeys.userId, userId), eq(passkeys.userVerified, true)));
  const passwordWithTotp = Boolean(user?.passwordHash && totp);
  return { passwordWithTotp, passkeys: passkeyCount, total: passkeyCount + (passwordWithTotp ? 1 : 0) };
}

type Removal = { userId: string; sessionId: string; client: string };

function requireStepUp(spent: boolean) {
  if (!spent) throw new AppError(fail("step-up:required", "step-up.code-or-passkey"));
}

/** Removes one passkey; refused when it is the last way in. Ends every session (security bar D37). */
export async function removePasskey({
  userId,
  sessionId,
  client,
  passkeyId,
}: Removal & { passkeyId: string }): Promise<Result<{ remaining: string[] }>> {
  return catchAppError(() =>
    transaction(
      async (tx) => {
        const passkey = await tx.query.passkeys.findFirst({
          where: and(eq(passkeys.id, passkeyId), eq(passkeys.userId, userId)),
        });
        // Another person's passkey is indistinguishable from a missing one (security bar F49).
        if (!passkey) throw new AppError(fail("passkey:not-found", "passkey.gone"));
        const methods = await countSignInMethods(tx, userId);
        // A passkey that cannot sign in is no way in: removing it never leaves the account without one.
        if (passkey.userVerified && methods.total <= 1) {
          throw new AppError(fail("passkey:last-method", "passkey.last-passkey"));
        }
        requireStepUp(await spendStepUpGrant(tx, userId, sessionId, "remove-passkey"));
        await tx.delete(passkeys).where(eq(passkeys.id, passkeyId));
        await tx.update(users).set({ sessionsValidAfter: new Date() }).where(eq(users.id, userId));
        await recordEvent(tx, { userId, type: "passkey.removed", client, detail: { label: passkey.label } });
        const remaining = await tx.query.passkeys.findMany({
          where: eq(passkeys.userId, userId),
          columns: { id: true },
        });
        return ok({ remaining: remaining.map((row) => row.id) });
      },
      { durable: true },
    ),
  );
}

/** Goes passwordless: allowed only with at least one passkey, which then becomes the way in. */
export async function removePassword({ userId, sessionId, client }: Removal): Promise<Result> {
  return catchAppError(() =>
    transaction(
      async (tx) => {
        const methods = await countSignInMethods(tx, userId);
        const user = await tx.query.users.findFirst({ where: eq(users.id, userId), columns: { passwordHash: true } });
        if (!user?.passwordHash) throw new AppError(fail("password:none", "password.none"));
        if (methods.passkeys === 0) {
          throw new AppError(fail("passkey:last-method", "passkey.needed-without-password"));
        }
        requireStepUp(await spendStepUpGrant(tx, userId, sessionId, "remove-password"));
        await tx.update(users).set({ passwordHash: null, sessionsValidAfter: new Date() }).where(eq(users.id, userId));
        await recordEvent(tx, { userId, type: "password.removed", client });
        return ok();
      },
      { durable: true },
    ),
  );
}
