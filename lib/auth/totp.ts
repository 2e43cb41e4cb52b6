// TOTP second factor (RFC 6238): 30-second steps, 6 digits, SHA-1 for authenticator-app compatibility.
import { and, eq, isNotNull, lt } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { toDataURL } from "qrcode";
import { db, transaction, type Db, type Tx } from "@/lib/db/client";
import { totpFactors } from "@/lib/db/schema";
import { open, seal } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { makeRecoveryCodeSet, storeRecoveryCodes } from "./recovery-codes";

function totpFor(secret: string, label = "") {
  return new TOTP({ issuer: env.RP_NAME, label, secret: Secret.fromBase32(secret), digits: 6, period: 30 });
}

/** The time step a code belongs to, accepting one step of clock drift either way; null when it matches none. */
export function matchTotpStep(secret: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const totp = totpFor(secret);
  const delta = totp.validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}

export type TotpSetup = { manualKey: string; otpauthUri: string; qrCodeDataUrl: string };

/** Starts (or restarts) set-up with a fresh secret; the factor stays off until a code confirms it. */
export async function startTotpSetup(userId: string, email: string): Promise<TotpSetup | "already-enabled"> {
  const existing = await db.query.totpFactors.findFirst({ where: eq(totpFactors.userId, userId) });
  if (existing?.enabledAt) return "already-enabled";
  const secret = new Secret({ size: 20 }).base32;
  const sealed = seal(secret);
  await db
    .insert(totpFactors)
    .values({ userId, secretEncrypted: sealed })
    .onConflictDoUpdate({ target: totpFactors.userId, set: { secretEncrypted: sealed, lastUsedStep: 0 } });
  const otpauthUri = totpFor(secret, email).toString();
  return { manualKey: secret.match(/.{1,4}/g)!.join(" "), otpauthUri, qrCodeDataUrl: await toDataURL(otpauthUri) };
}

/** Turns the factor on when the code matches the pending secret, and returns the one-time recovery codes. */
export async function confirmTotpSetup(userId: string, code: string): Promise<string[] | null> {
  const recoveryCodes = await makeRecoveryCodeSet();
  return transaction(
    async (tx) => {
      const factor = await tx.query.totpFactors.findFirst({ where: eq(totpFactors.userId, userId) });
      if (!factor || factor.enabledAt) return null;
      const step = matchTotpStep(open(factor.secretEncrypted), code);
      if (step === null) return null;
      await tx
        .update(totpFactors)
        .set({ enabledAt: new Date(), lastUsedStep: step })
        .where(eq(totpFactors.userId, userId));
      return storeRecoveryCodes(tx, userId, recoveryCodes);
    },
    { durable: true },
  );
}

export async function hasTotp(userId: string): Promise<boolean> {
  const factor = await db.query.totpFactors.findFirst({
    where: and(eq(totpFactors.userId, userId), isNotNull(totpFactors.enabledAt)),
  });
  return Boolean(factor);
}

/**
 * Accepts a code once: the step it belongs to must be later than the last accepted one, and recording it is a single
 * conditional UPDATE, so two requests racing with the same code cannot both win (security bar C31).
 */
export async function spendTotpCode(writer: Tx | Db, userId: string, code: string, now = Date.now()): Promise<boolean> {
  const factor = await writer.query.totpFactors.findFirst({
    where: and(eq(totpFactors.userId, userId), isNotNull(totpFactors.enabledAt)),
  });
  if (!factor) return false;
  const step = matchTotpStep(open(factor.secretEncrypted), code, now);
  if (step === null || step <= factor.lastUsedStep) return false;
  const claimed = await writer
    .update(totpFactors)
    .set({ lastUsedStep: step })
    .where(and(eq(totpFactors.userId, userId), lt(totpFactors.lastUsedStep, step)))
    .returning({ userId: totpFactors.userId });
  return claimed.length === 1;
}
