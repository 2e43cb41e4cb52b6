// Verifying one assertion against one stored passkey, and recording it. Shared by sign-in, step-up and withdrawals.
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { and, eq, lt, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Tx } from "@/lib/db/client";
import { passkeys, type Passkey } from "@/lib/db/schema";
import { AppError, fail } from "@/lib/result";
import { portalTerms } from "./relying-party";
import { verifyAssertion } from "./verify-assertion";

/** One message for an unknown credential and a bad signature alike (security bar E42). */
export const NOT_VERIFIED_MESSAGE = "passkey.not-verified";

const UV_MISSING_MESSAGE = "passkey.uv-missing-how";

export type VerifiedAssertion = { newCounter: number; userVerified: boolean; backedUp: boolean };

/**
 * The portal's verdict on an assertion by one of its passkeys: the verification core with user verification required
 * (every portal use needs it), as an AppError whose code and message tell the person what to do.
 */
export async function verifyPortalAssertion(
  response: AuthenticationResponseJSON,
  expectedChallenge: string,
  passkey: Passkey,
): Promise<VerifiedAssertion> {
  const verification = await verifyAssertion(response, expectedChallenge, passkey, portalTerms, {
    userVerification: "required",
  });
  if (!verification.verified) {
    const { reason, detail } = verification.failure;
    if (reason === "passkey:uv-missing") throw new AppError(fail("passkey:uv-missing", UV_MISSING_MESSAGE, detail));
    throw new AppError(
      fail(reason === "passkey:backup-state-changed" ? reason : "passkey:not-verified", NOT_VERIFIED_MESSAGE, detail),
    );
  }
  const { newCounter, userVerified, credentialBackedUp } = verification.info;
  return { newCounter, userVerified, backedUp: credentialBackedUp };
}

/**
 * WebAuthn L3 §7.2 step 22 as a condition on the stored counter: it may only move up, or stay 0 when the authenticator
 * does not count (both 0). Shared with the FIDO conformance relying party (lib/fido-server).
 */
export function counterAdvances(stored: AnySQLiteColumn, received: number): SQL {
  return or(lt(stored, received), and(eq(stored, 0), sql`${received} = 0`)) as SQL;
}

/**
 * Stores the new counter and last use. Conditional on the counter still being below the new one (or both zero), so
 * of two racing assertions only the higher can land and the stored counter never goes down (security bar C27).
 */
export async function recordAssertion(
  tx: Tx,
  passkey: Passkey,
  verified: VerifiedAssertion,
  client: string,
): Promise<void> {
  const updated = await tx
    .update(passkeys)
    // Every portal use requires UV (checkAssertion), so a use also proves the passkey can sign in.
    .set({
      counter: verified.newCounter,
      backedUp: verified.backedUp,
      userVerified: true,
      lastUsedAt: new Date(),
      lastUsedWith: client,
    })
    .where(and(eq(passkeys.id, passkey.id), counterAdvances(passkeys.counter, verified.newCounter)))
    .returning({ id: passkeys.id });
  if (updated.length !== 1) {
    throw new AppError(
      fail(
        "passkey:not-verified",
        NOT_VERIFIED_MESSAGE,
        "signature counter did not increase (possible cloned authenticator or replay)",
      ),
    );
  }
}
