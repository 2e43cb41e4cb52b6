import { TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { confirmTotpSetup, matchTotpStep, spendTotpCode, startTotpSetup } from "./totp";
import { createUser } from "./users";

async function userWithTotp() {
  const user = (await createUser(`totp-${crypto.randomUUID()}@test.example`, "a long enough password"))!;
  const setup = await startTotpSetup(user.id, user.email);
  if (setup === "already-enabled") throw new Error("unexpected");
  const totp = new TOTP({ secret: setup.manualKey.replace(/ /g, "") });
  const now = Date.now();
  // Set-up consumes the current step; tests below use the next one.
  expect(await confirmTotpSetup(user.id, totp.generate({ timestamp: now }))).toHaveLength(10);
  return { user, totp, now };
}

describe("TOTP", () => {
  it("matches the previous, current and next 30-second step and nothing further", () => {
    const secret = "JBSWY3DPEHPK3PXP";
    const totp = new TOTP({ secret });
    const now = 1_700_000_000_000;
    const step = totp.counter({ timestamp: now });
    for (const offset of [-1, 0, 1]) {
      expect(matchTotpStep(secret, totp.generate({ timestamp: now + offset * 30_000 }), now)).toBe(step + offset);
    }
    expect(matchTotpStep(secret, totp.generate({ timestamp: now + 2 * 30_000 }), now)).toBeNull();
    expect(matchTotpStep(secret, "12345", now)).toBeNull();
  });

  it("accepts a code once: the same code again in its window is refused", async () => {
    const { user, totp, now } = await userWithTotp();
    const next = totp.generate({ timestamp: now + 30_000 });
    expect(await spendTotpCode(db, user.id, next, now)).toBe(true);
    expect(await spendTotpCode(db, user.id, next, now)).toBe(false);
  });

  it("refuses an older step after a newer one was used", async () => {
    const { user, totp, now } = await userWithTotp();
    expect(await spendTotpCode(db, user.id, totp.generate({ timestamp: now + 30_000 }), now)).toBe(true);
    expect(await spendTotpCode(db, user.id, totp.generate({ timestamp: now }), now)).toBe(false);
  });

  it("lets exactly one of several concurrent requests with the same code win", async () => {
    const { user, totp, now } = await userWithTotp();
    const code = totp.generate({ timestamp: now + 30_000 });
    const results = await Promise.all(Array.from({ length: 10 }, () => spendTotpCode(db, user.id, code, now)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("keeps the factor off until a correct code confirms set-up", async () => {
    const user = (await createUser(`totp-${crypto.randomUUID()}@test.example`, "a long enough password"))!;
    const setup = await startTotpSetup(user.id, user.email);
    if (setup === "already-enabled") throw new Error("unexpected");
    expect(await confirmTotpSetup(user.id, "000000")).toBeNull();
    expect(await spendTotpCode(db, user.id, new TOTP({ secret: setup.manualKey.replace(/ /g, "") }).generate())).toBe(
      false,
    );
  });
});
