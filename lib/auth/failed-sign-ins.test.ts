// Failed sign-ins by strangers are counted per account and hour, with reasons from a fixed list; a flood changes a
// number and never pushes real events out of the activity log (security bar 61).
import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
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
import { failedSignInsText } from "./failed-sign-in-words";
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
    expect(first).toMatchObject({ count: 13, addresses: 3, lastAt: new Date(hour + 20) });
    expect(first.reasons).toEqual([
      { reason: "passkey:signature", count: 12 },
      { reason: "password", count: 1 },
    ]);
    expect(next).toMatchObject({ count: 1, addresses: 1 });
    expect(await db.$count(failedSignIns, eq(failedSignIns.userId, user.id))).toBe(2);
  });

  it("count at most 50 addresses an hour, and store none of them", async () => {
    const { user } = await createAccount();
    for (let i = 0; i < MAX_COUNTED_SOURCES + 10; i++)
      await recordFailedSignIn(db, { userId: user.id, reason: "password", source: `203.0.113.${i}` });
    const [row] = await db.query.failedSignIns.findMany({ where: eq(failedSignIns.userId, user.id) });
    expect(row.sources).toHaveLength(MAX_COUNTED_SOURCES);
    expect(JSON.stringify(row)).not.toContain("203.0.113");
    expect((await listFailedSignIns(user.id))[0]).toMatchObject({
      count: 60,
      addresses: MAX_COUNTED_SOURCES,
      addressesCapped: true,
    });
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
    expect(hour).toMatchObject({ count: 60, addresses: 7 });
    expect(hour.reasons).toEqual([{ reason: "passkey:origin", count: 60 }]);
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
    expect(hour).toMatchObject({ count: 2, addresses: 2 });
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

describe("failed sign-ins in words", () => {
  const english = createTranslator({ locale: "en", messages: en, namespace: "events" });
  const spanish = createTranslator({ locale: "es", messages: es, namespace: "events" });
  const at = new Date("2026-12-07T13:00:00Z");
  const hour = (count: number, addresses: number, reasons: { reason: string; count: number }[] = []) => ({
    hourStart: at,
    lastAt: at,
    count,
    addresses,
    addressesCapped: addresses >= MAX_COUNTED_SOURCES,
    reasons,
  });
  const reasons = [
    { reason: "passkey:signature", count: 12 },
    { reason: "password", count: 1 },
    { reason: "a code of a later version", count: 1 },
  ];

  it("say how many, from how many addresses and why, the times left for the page to fill in", () => {
    const text = failedSignInsText([hour(14, 3, reasons), hour(1, 1), hour(60, 50)], english);
    expect(text.hours.map((line) => line.sentence)).toEqual([
      "14 failed sign-ins from 3 addresses in the hour from {start} (last at {last})",
      "1 failed sign-in from 1 address in the hour from {start} (last at {last})",
      "60 failed sign-ins from 50 or more addresses in the hour from {start} (last at {last})",
    ]);
    expect(text.hours[0]!.reasons).toBe("12 × signature did not verify · 1 × wrong password · 1 × refused");
    expect(failedSignInsText([hour(1, 1, reasons.slice(1, 2))], english, true).hours[0]!.reasons).toBe(
      "1 × wrong password (password)",
    );
    expect(text).toMatchObject({ list: "Failed sign-ins", none: "None in the last 30 days." });
  });

  it("and in Spanish", () => {
    const text = failedSignInsText([hour(1, 1), hour(13, 3, reasons)], spanish);
    expect(text.hours.map((line) => line.sentence)).toEqual([
      "1 inicio de sesión fallido desde 1 dirección en la hora desde el {start} (el último: {last})",
      "13 inicios de sesión fallidos desde 3 direcciones en la hora desde el {start} (el último: {last})",
    ]);
    expect(text.hours[1]!.reasons).toBe(
      "12 × la firma no se pudo verificar · 1 × contraseña incorrecta · 1 × rechazado",
    );
    expect(text.list).toBe("Inicios de sesión fallidos");
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
