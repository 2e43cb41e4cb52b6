// OWASP's "device cookies" (Authentication Cheat Sheet; "Slow Down Online Guessing Attacks with Device Cookies"): a
// browser that has signed in to an account gets a cookie naming that account and a device, signed with a key derived
// from AUTH_SECRET. Its failed attempts count on its own row and only its own lock refuses it, so someone who knows
// only the email can lock out new browsers but never the owner's (security bar H63). Decision 011.
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { and, eq, gt, isNull, lt, lte, or } from "drizzle-orm";
import { db, type Db, type Tx } from "@/lib/db/client";
import { trustedDevices, type TrustedDevice } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";

export const TRUSTED_DEVICE_MAX_AGE_S = 180 * 24 * 60 * 60;
const key = Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "passkey-lab", "trusted-device v1", 32));

function sign(userId: string, deviceId: string): Buffer {
  return createHmac("sha256", key).update(`${userId}.${deviceId}`).digest();
}

export function deviceCookieValue(userId: string, deviceId: string): string {
  return `v1.${userId}.${deviceId}.${sign(userId, deviceId).toString("base64url")}`;
}

/** The device id a cookie names for `userId`, when its signature holds; null for another account's or a forged one. */
export function deviceIdFromCookie(value: string | undefined, userId: string): string | null {
  const [version, cookieUserId, deviceId, mac, ...rest] = (value ?? "").split(".");
  if (version !== "v1" || rest.length > 0 || !deviceId || !mac || cookieUserId !== userId) return null;
  const given = Buffer.from(mac, "base64url");
  const expected = sign(userId, deviceId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
}

/** The trusted device a cookie names for this account, or null (no cookie, another account, forged, expired). */
export async function findTrustedDevice(
  cookie: string | undefined,
  userId: string,
  reader: Tx | Db = db,
): Promise<TrustedDevice | null> {
  const deviceId = deviceIdFromCookie(cookie, userId);
  if (!deviceId) return null;
  const oldest = new Date(Date.now() - TRUSTED_DEVICE_MAX_AGE_S * 1000);
  const device = await reader.query.trustedDevices.findFirst({
    where: and(
      eq(trustedDevices.id, deviceId),
      eq(trustedDevices.userId, userId),
      gt(trustedDevices.createdAt, oldest),
    ),
  });
  return device ?? null;
}

/**
 * After a successful sign-in: this browser's device for the account, its failures forgiven, or a new one. Returns the
 * cookie value to set (a new one only when the browser had none for this account).
 */
export async function trustDevice(cookie: string | undefined, userId: string): Promise<string | null> {
  const known = await findTrustedDevice(cookie, userId);
  if (known) {
    if (known.failedAttempts > 0)
      await db
        .update(trustedDevices)
        .set({ failedAttempts: 0, lockedUntil: null })
        .where(eq(trustedDevices.id, known.id));
    return null;
  }
  const id = newToken(16);
  await db.insert(trustedDevices).values({ id, userId });
  return deviceCookieValue(userId, id);
}

/** Devices past their cookie's 180 days are never found again: run by the sweeper (lib/housekeeping). */
export async function deleteExpiredTrustedDevices(now = Date.now()): Promise<void> {
  await db.delete(trustedDevices).where(lt(trustedDevices.createdAt, new Date(now - TRUSTED_DEVICE_MAX_AGE_S * 1000)));
}

/** How many of the account's browsers can still sign in during a lock: trusted, not expired, not locked themselves. */
export async function countOpenTrustedDevices(userId: string, now = Date.now()): Promise<number> {
  const oldest = new Date(now - TRUSTED_DEVICE_MAX_AGE_S * 1000);
  return db.$count(
    trustedDevices,
    and(
      eq(trustedDevices.userId, userId),
      gt(trustedDevices.createdAt, oldest),
      or(isNull(trustedDevices.lockedUntil), lte(trustedDevices.lockedUntil, new Date(now))),
    ),
  );
}
