// Verifying one assertion against one stored passkey, and recording it. Shared by sign-in and step-up.
import { verifyAuthenticationResponse, type AuthenticationResponseJSON } from "@simplewebauthn/server";
import { and, eq, lt, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Tx } from "@/lib/db/client";
import { passkeys, type Passkey } from "@/lib/db/schema";
import { AppError } from "@/lib/result";
import { crossOriginReason } from "./client-data";
import { assertionSignatureProblem } from "./ecdsa-signature";
import { relyingParty } from "./relying-party";

/** One message for an unknown credential and a bad signature alike (security bar E42). */
export const NOT_VERIFIED_MESSAGE = "That passkey couldn't be verified. Try again, or choose another passkey.";

export const UV_MISSING_MESSAGE =
  "Your passkey didn't verify that it's you (no PIN, fingerprint or face check). " +
  "If it's a security key, set a PIN on it first; otherwise use a passkey that asks for your screen lock.";

export type VerifiedAssertion = { newCounter: number; userVerified: boolean; backedUp: boolean };

export async function verifyAssertion(
  response: AuthenticationResponseJSON,
  expectedChallenge: string,
  passkey: Passkey,
): Promise<VerifiedAssertion> {
  const encoding = assertionSignatureProblem(passkey.publicKey, response.response.signature);
  if (encoding) throw new AppError("passkey:not-verified", NOT_VERIFIED_MESSAGE, encoding);
  let result;
  try {
    result = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: [...relyingParty.origins],
      expectedRPID: relyingParty.id,
      credential: { id: passkey.id, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter, transports: passkey.transports },
      // UV is checked below so that its absence gets its own message.
      requireUserVerification: false,
    });
  } catch (error) {
    // Includes counter regression: stored 10, received 10 or 5 (WebAuthn L3 §7.2 step 22; security bar A10).
    throw new AppError("passkey:not-verified", NOT_VERIFIED_MESSAGE, (error as Error).message);
  }
  // A bad signature is `verified: false`, not a throw (security bar A9).
  if (!result.verified) throw new AppError("passkey:not-verified", NOT_VERIFIED_MESSAGE, "signature did not verify");
  const framed = crossOriginReason(response.response.clientDataJSON);
  if (framed) throw new AppError("passkey:not-verified", NOT_VERIFIED_MESSAGE, framed);
  const info = result.authenticationInfo;
  // Backup eligibility is fixed when the credential is made (WebAuthn L3 §6.1.3; security bar A8).
  const backupEligible = info.credentialDeviceType === "multiDevice";
  if (backupEligible !== passkey.backupEligible) {
    throw new AppError(
      "passkey:backup-state-changed",
      NOT_VERIFIED_MESSAGE,
      `backup eligibility changed from ${passkey.backupEligible} to ${backupEligible}`,
    );
  }
  return { newCounter: info.newCounter, userVerified: info.userVerified, backedUp: info.credentialBackedUp };
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
export async function recordAssertion(tx: Tx, passkey: Passkey, verified: VerifiedAssertion, client: string): Promise<void> {
  const updated = await tx
    .update(passkeys)
    // Every portal use requires UV (checkAssertion), so a use also proves the passkey can sign in.
    .set({ counter: verified.newCounter, backedUp: verified.backedUp, userVerified: true, lastUsedAt: new Date(), lastUsedWith: client })
    .where(and(eq(passkeys.id, passkey.id), counterAdvances(passkeys.counter, verified.newCounter)))
    .returning({ id: passkeys.id });
  if (updated.length !== 1) {
    throw new AppError("passkey:not-verified", NOT_VERIFIED_MESSAGE, "signature counter did not increase (possible cloned authenticator or replay)");
  }
}
