// Failed sign-ins by strangers are counted per account and hour, with reasons from a fixed list; a flood changes a
// number and never pushes real events out of the activity log (security bar 61).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { failedSignIns } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { finishPasskeySignIn } from "@/lib/webauthn/authentication";
import { passkeyFailureReason } from "@/lib/webauthn/failure-reason";
import { createAccount, PASSWORD, signInOptions } from "@/test/accounts";
import { listEvents, recordEvent } from "./audit";
import {
  deleteOldFailedSignIns,
  FAILED_SIGN_INS_KEPT_MS,
  listFailedSignIns,
  MAX_COUNTED_SOURCES,
  recordFailedSignIn,
} from "./failed-sign-ins";
import { completeSecondFactor, signInWithPassword } from "./password-sign-in";

const HOUR = 60 * 60_000;

describe("failed sign-ins by strangers", () => {
  it("are one row per account and hour: how many, from how many addresses, and each reason", async () => {
    const { user } = await createAccount();
    const hour = Math.floor(Date.now() / HOUR) * HOUR;
    for (let i = 0; i < 12; i++)
      await recordFailedSignIn(
        db,
        { userId: user.id, reason: "passkey:signature", source: `198.51.100.${i % 3}` },
        hour + i,
      );
    await recordFailedSignIn(db, { userId: user.id, reason: "password", source: "198.51.100.0" }, hour + 20);
    await recordFailedSignIn(db, { userId: user.id, reason: "password", source: "198.51.100.9" }, hour + HOUR); // the next hour
    const [next, first] = await listFailedSignIns(user.id, hour + HOUR);
    expect(first).toMatchObject({ summary: "13 failed sign-ins from 3 addresses", lastAt: new Date(hour + 20) });
    expect(first.reasons).toEqual([
      { reason: "passkey:signature", words: "signature did not verify", count: 12 },
      { reason: "password", words: "wrong password", count: 1 },
    ]);
    expect(next.summary).toBe("1 failed sign-in from 1 address");
    expect(await db.$count(failedSignIns, eq(failedSignIns.userId, user.id))).toBe(2);
  });

  it("count at most 50 addresses an hour, and store none of them", async () => {
    const { user } = await createAccount();
    for (let i = 0; i < MAX_COUNTED_SOURCES + 10; i++)
      await recordFailedSignIn(db, { userId: user.id, reason: "password", source: `203.0.113.${i}` });
    const [row] = await db.query.failedSignIns.findMany({ where: eq(failedSignIns.userId, user.id) });
    expect(row.sources).toHaveLength(MAX_COUNTED_SOURCES);
    expect(JSON.stringify(row)).not.toContain("203.0.113");
    expect((await listFailedSignIns(user.id))[0].summary).toBe("60 failed sign-ins from 50 or more addresses");
  });

  it("store nothing for an unknown account, and refuse a reason not on the list", async () => {
    const before = await db.$count(failedSignIns);
    await recordFailedSignIn(db, { userId: null, reason: "password", source: "x" });
    await recordFailedSignIn(db, { userId: `nobody-${newToken(6)}`, reason: "password", source: "x" });
    expect(await db.$count(failedSignIns)).toBe(before);
    await expect(
      recordFailedSignIn(db, { userId: null, reason: "anything the caller says" as never, source: "x" }),
    ).rejects.toThrow();
  });

  it("never push a real event out of the activity log, and keep no caller text or challenge (a flood of junk assertions)", async () => {
    const account = await createAccount({ passkeys: 1 });
    await recordEvent(db, {
      userId: account.user.id,
      type: "passkey.added",
      client: "Test browser",
      detail: { label: "My laptop" },
    });
    const challenges: string[] = [];
    // 60: the per-account options budget of a minute.
    for (let i = 0; i < 60; i++) {
      const start = await signInOptions(account.user.email);
      challenges.push(start.options.challenge);
      const response = account.authenticator.authenticate(start.options, "https://evil.example");
      const result = await finishPasskeySignIn(start.ceremonyId, response, "t", `192.0.2.${i % 7}`);
      expect(result).toEqual({ ok: false, code: "passkey:not-verified", message: expect.any(String) });
    }
    expect((await listEvents(account.user.id, 100)).map((event) => event.type)).toContain("passkey.added");
    const [hour] = await listFailedSignIns(account.user.id);
    expect(hour.summary).toBe("60 failed sign-ins from 7 addresses");
    expect(hour.reasons).toEqual([{ reason: "passkey:origin", words: "signed for another origin", count: 60 }]);
    const stored = JSON.stringify(
      await db.query.failedSignIns.findMany({ where: eq(failedSignIns.userId, account.user.id) }),
    );
    expect(stored).not.toContain("evil.example");
    for (const challenge of challenges) expect(stored).not.toContain(challenge);
  });

  it("come from password and code failures too, which are no longer events", async () => {
    const account = await createAccount();
    await signInWithPassword(account.user.email, "wrong password!", "t", "198.51.100.1");
    const step = await signInWithPassword(account.user.email, PASSWORD, "t", "198.51.100.1");
    if (!step.ok || step.data.next !== "second-factor") throw new Error("expected the code step");
    await completeSecondFactor(step.data.pendingToken, "000000", "totp", "t", "198.51.100.2");
    const [hour] = await listFailedSignIns(account.user.id);
    expect(hour.summary).toBe("2 failed sign-ins from 2 addresses");
    expect(hour.reasons.map((reason) => reason.reason).sort()).toEqual(["password", "totp"]);
    expect((await listEvents(account.user.id)).filter((event) => event.type === "sign-in.failed")).toEqual([]);
  });

  it("are deleted after 30 days", async () => {
    const { user } = await createAccount();
    await recordFailedSignIn(db, { userId: user.id, reason: "password", source: "x" });
    await deleteOldFailedSignIns(Date.now() + FAILED_SIGN_INS_KEPT_MS - HOUR * 2);
    expect(await db.$count(failedSignIns, eq(failedSignIns.userId, user.id))).toBe(1);
    await deleteOldFailedSignIns(Date.now() + FAILED_SIGN_INS_KEPT_MS + HOUR);
    expect(await db.$count(failedSignIns, eq(failedSignIns.userId, user.id))).toBe(0);
  });
});

describe("passkeyFailureReason", () => {
  it.each([
    [{ code: "passkey:not-verified", detail: "signature did not verify" }, "passkey:signature"],
    [
      {
        code: "passkey:not-verified",
        detail: 'Unexpected authentication response origin "https://evil.example", expected "http://localhost:3000"',
      },
      "passkey:origin",
    ],
    [
      { code: "passkey:not-verified", detail: 'Unexpected authentication response challenge "abc", expected "def"' },
      "passkey:challenge",
    ],
    [{ code: "passkey:not-verified", detail: "Unexpected RP ID hash" }, "passkey:rp-id"],
    [
      { code: "passkey:not-verified", detail: "Response counter value 5 was lower than expected 10" },
      "passkey:counter",
    ],
    [
      {
        code: "passkey:not-verified",
        detail: "signature counter did not increase (possible cloned authenticator or replay)",
      },
      "passkey:counter",
    ],
    [
      { code: "passkey:not-verified", detail: "clientDataJSON.topOrigin is present (https://x)" },
      "passkey:cross-origin",
    ],
    [
      { code: "passkey:not-verified", detail: "credential id is not one the options offered (allowCredentials)" },
      "passkey:not-offered",
    ],
    [{ code: "passkey:not-verified", detail: "credential belongs to another account" }, "passkey:other-account"],
    [
      { code: "passkey:not-verified", detail: "userHandle does not match the credential's account" },
      "passkey:user-handle",
    ],
    [{ code: "passkey:not-verified", detail: "User not present during authentication" }, "passkey:user-presence"],
    [{ code: "passkey:uv-missing", detail: "authenticator data UV flag is 0" }, "passkey:uv-missing"],
    [{ code: "challenge:invalid" }, "passkey:expired"],
    [{ code: "input:invalid", detail: "anything at all" }, "passkey:malformed"],
    [{ code: "passkey:not-verified", detail: "words nobody expected" }, "passkey:other"],
  ] as const)("%j → %s", (failure, reason) => {
    expect(passkeyFailureReason(failure)).toBe(reason);
  });
});
