import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { trustedDevices } from "@/lib/db/schema";
import { createAccount, PASSWORD, type TestAccount } from "@/test/accounts";
import { verifyCurrentPassword } from "./current-password";
import { listFailedSignIns } from "./failed-sign-ins";
import { changePassword } from "./password-change";
import { completeSecondFactor, signInWithPassword } from "./password-sign-in";
import { stepUpWithTotp } from "./step-up";
import {
  countOpenTrustedDevices,
  deviceCookieValue,
  deviceIdFromCookie,
  findTrustedDevice,
  trustDevice,
} from "./trusted-devices";
import { getUser } from "./users";

const nextCode = (account: TestAccount) => account.totp.generate({ timestamp: Date.now() + 30_000 });
const lockOf = async (userId: string) => (await getUser(userId))!.lockedUntil;

/** Ten wrong passwords from strangers (no device cookie): the account's lock for new browsers. */
async function lockedByStrangers(account: TestAccount) {
  for (let i = 0; i < 10; i++) await signInWithPassword(account.user.email, "not the password at all", "stranger");
  const lockedUntil = await lockOf(account.user.id);
  expect(lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  return lockedUntil!;
}

describe("trusted devices (OWASP device cookies) and the lock (SEC-63)", () => {
  it("accepts only a cookie signed for this account", async () => {
    const cookie = deviceCookieValue("user-a", "device-1");
    expect(deviceIdFromCookie(cookie, "user-a")).toBe("device-1");
    expect(deviceIdFromCookie(cookie, "user-b")).toBeNull();
    expect(deviceIdFromCookie(cookie.replace("device-1", "device-2"), "user-a")).toBeNull();
    expect(deviceIdFromCookie(`${cookie.slice(0, -2)}AA`, "user-a")).toBeNull();
    expect(deviceIdFromCookie(undefined, "user-a")).toBeNull();
    expect(deviceIdFromCookie("v1.user-a.device-1", "user-a")).toBeNull();
  });

  it("lets the owner's browser in (right password and code) while strangers keep the account locked", async () => {
    const account = await createAccount();
    const cookie = (await trustDevice(undefined, account.user.id))!;
    await lockedByStrangers(account);

    expect(await signInWithPassword(account.user.email, PASSWORD, "stranger")).toEqual({
      ok: false,
      code: "auth:invalid-credentials",
      message: "User not found or password invalid",
    });
    const owner = await signInWithPassword(account.user.email, PASSWORD, "owner", "198.51.100.1", cookie);
    const pendingToken = owner.ok && owner.data.next === "second-factor" ? owner.data.pendingToken : "";
    expect(pendingToken).not.toBe("");
    const done = await completeSecondFactor(pendingToken, nextCode(account), "totp", "owner", "198.51.100.1", cookie);
    expect(done.ok && done.data.userId).toBe(account.user.id);
  });

  it("does not re-arm the lock during it, and logs a right password refused by it as what it was", async () => {
    const account = await createAccount();
    const lockedUntil = await lockedByStrangers(account);
    const failuresAtLock = (await getUser(account.user.id))!.failedAttempts;
    for (let i = 0; i < 3; i++) await signInWithPassword(account.user.email, "another wrong password", "stranger");
    await signInWithPassword(account.user.email, PASSWORD, "owner in a new browser");
    expect(await lockOf(account.user.id)).toEqual(lockedUntil);
    expect((await getUser(account.user.id))!.failedAttempts).toBe(failuresAtLock);
    // Strangers' failures are counted, not logged as events (security bar 61): the count says what really happened.
    const [hour] = await listFailedSignIns(account.user.id);
    expect(hour?.reasons).toContainEqual(expect.objectContaining({ reason: "locked:right-password", count: 1 }));
  });

  it("counts a trusted browser's failures on that browser only: it locks itself, never the account", async () => {
    const account = await createAccount();
    const cookie = (await trustDevice(undefined, account.user.id))!;
    for (let i = 0; i < 10; i++)
      await signInWithPassword(account.user.email, "not the password at all", "owner", "198.51.100.1", cookie);
    const device = (await findTrustedDevice(cookie, account.user.id))!;
    expect(device.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await lockOf(account.user.id)).toBeNull();
    // Support is told no browser of this account can get in past a lock just now.
    expect(await countOpenTrustedDevices(account.user.id)).toBe(0);
    const refused = await signInWithPassword(account.user.email, PASSWORD, "owner", "198.51.100.1", cookie);
    expect(refused.ok).toBe(false);
    const elsewhere = await signInWithPassword(account.user.email, PASSWORD, "another browser");
    expect(elsewhere.ok).toBe(true);
  });

  it("lets a signed-in browser step up with TOTP while the account is locked for new browsers", async () => {
    const account = await createAccount();
    const cookie = (await trustDevice(undefined, account.user.id))!;
    await lockedByStrangers(account);
    const device = await findTrustedDevice(cookie, account.user.id);
    const user = (await getUser(account.user.id))!;
    expect((await stepUpWithTotp(user, nextCode(account), "add-passkey", "owner", device)).ok).toBe(true);
  });

  it("keeps one device per browser and account, and forgives its failures on the next success", async () => {
    const account = await createAccount();
    const cookie = (await trustDevice(undefined, account.user.id))!;
    await signInWithPassword(account.user.email, "not the password at all", "owner", "198.51.100.1", cookie);
    expect(await trustDevice(cookie, account.user.id)).toBeNull();
    const rows = await db.select().from(trustedDevices).where(eq(trustedDevices.userId, account.user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].failedAttempts).toBe(0);
    // Another account's cookie in the same browser is no device of this one: a new one is made.
    const other = await createAccount();
    expect(await trustDevice(cookie, other.user.id)).not.toBeNull();
  });

  it("never checks the current password of a locked browser, which a session alone does not unlock", async () => {
    const account = await createAccount();
    const cookie = (await trustDevice(undefined, account.user.id))!;
    for (let i = 0; i < 10; i++)
      await verifyCurrentPassword(
        account.user,
        "a guess",
        await findTrustedDevice(cookie, account.user.id),
        `198.51.100.${i}`,
      );
    const device = await findTrustedDevice(cookie, account.user.id);
    const failures = device!.failedAttempts;
    // The right password is not even looked at during the lock, and the guesses stop counting.
    expect(await verifyCurrentPassword(account.user, PASSWORD, device, "198.51.100.20")).toMatchObject({
      ok: false,
      code: "rate:limited",
    });
    expect((await findTrustedDevice(cookie, account.user.id))!.failedAttempts).toBe(failures);
  });

  it("forgets the account's trusted browsers when the password changes", async () => {
    const account = await createAccount();
    const cookie = (await trustDevice(undefined, account.user.id))!;
    const device = await findTrustedDevice(cookie, account.user.id);
    const user = (await getUser(account.user.id))!;
    expect(
      (
        await changePassword(user, PASSWORD, "a different long passphrase", {
          client: "t",
          source: "198.51.100.3",
          device,
        })
      ).ok,
    ).toBe(true);
    expect(await db.$count(trustedDevices, eq(trustedDevices.userId, account.user.id))).toBe(0);
    expect(await findTrustedDevice(cookie, account.user.id)).toBeNull();
  });
});
