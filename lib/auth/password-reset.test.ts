// "Forgot password?": the same answer for every address, the mailed code, the second factor that no recovery skips
// (security bar F51), a new password under the sign-up rules, every session ended, withdrawals held, and the request
// gone after use or 15 minutes (security bar 68).
import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db/client";
import { auditEvents, failedSignIns, passwordResets, trustedDevices } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { sweepExpiredRows } from "@/lib/housekeeping/sweep-expired-rows";
import { createAccount, PASSWORD, type TestAccount } from "@/test/accounts";
import { checkPassword } from "./password";
import {
  checkResetCode,
  checkResetSecondFactor,
  finishPasswordReset,
  PASSWORD_RESET_ATTEMPTS,
  PASSWORD_RESET_TTL_MS,
  startPasswordReset,
  WITHDRAWAL_HOLD_MS,
} from "./password-reset";
import { countUnusedRecoveryCodes, makeRecoveryCodeSet, storeRecoveryCodes } from "./recovery-codes";
import { trustDevice } from "./trusted-devices";
import { createUser, getUser } from "./users";
import en from "@/messages/en.json";

const mailText = createTranslator({ locale: "en", messages: en, namespace: "mail" });

const NEW_PASSWORD = "a brand new reset passphrase";
const codeIn = (text: string) => text.match(/^\s+(\d{6})$/m)?.[1];
const wrong = (code: string) => (code === "000000" ? "000001" : "000000");
/** A TOTP code of the next step: the set-up spent the current one. */
const nextTotp = (account: TestAccount) => account.totp.generate({ timestamp: Date.now() + 30_000 });

async function mailedCode(email: string) {
  const { pendingToken, mail } = await startPasswordReset(email, mailText);
  const code = codeIn(mail?.text ?? "");
  if (!code) throw new Error("no code mailed");
  return { pendingToken, code };
}

async function recoveryCodesFor(account: TestAccount): Promise<string[]> {
  const set = await makeRecoveryCodeSet();
  return transaction((tx) => storeRecoveryCodes(tx, account.user.id, set));
}

describe("password reset", () => {
  it("answers alike for a known and an unknown address; only the owner's mail holds a code", async () => {
    const account = await createAccount();
    const unknown = `nobody-${newToken(6)}@test.example`.toLowerCase();
    const known = await startPasswordReset(account.user.email.toUpperCase(), mailText);
    const stranger = await startPasswordReset(unknown, mailText);
    expect(Object.keys(known).sort()).toEqual(Object.keys(stranger).sort());
    expect(known.pendingToken).toHaveLength(stranger.pendingToken.length);
    expect(known.mail).toMatchObject({ to: account.user.email, subject: "Your Passkey Lab password reset code" });
    expect(stranger.mail).toMatchObject({
      to: unknown,
      subject: "Passkey Lab password reset: no account with this address",
    });
    expect(stranger.mail!.text).not.toMatch(/\d{6}/);
    // No code works for the unknown address: the row holds the hash of a value never sent.
    expect(await checkResetCode(stranger.pendingToken, "123456")).toMatchObject({
      ok: false,
      code: "password-reset:invalid-code",
    });
  });

  it("with two-factor on, the mailed code alone sets no password; the TOTP code then does, and everything else follows", async () => {
    const account = await createAccount();
    await trustDevice(undefined, account.user.id);
    const other = await startPasswordReset(account.user.email, mailText);
    const { pendingToken, code } = await mailedCode(account.user.email);
    expect(await checkResetCode(pendingToken, ` ${code.slice(0, 3)} ${code.slice(3)} `)).toEqual({
      ok: true,
      data: { next: "second-factor" },
    });
    // Skipping the second factor: refused, as if the reset did not exist.
    expect(await finishPasswordReset(pendingToken, NEW_PASSWORD, "t")).toMatchObject({
      ok: false,
      code: "password-reset:expired",
    });
    // The mailed code is spent: the code step is over.
    expect(await checkResetCode(pendingToken, code)).toMatchObject({ ok: false, code: "password-reset:expired" });

    expect(await checkResetSecondFactor(pendingToken, wrong(nextTotp(account)), "totp", "test-source")).toMatchObject({
      ok: false,
      code: "password-reset:invalid-code",
      message: expect.stringContaining(`${PASSWORD_RESET_ATTEMPTS - 1} tries left`),
    });
    expect(await db.$count(failedSignIns, eq(failedSignIns.userId, account.user.id))).toBe(1);
    expect(await checkResetSecondFactor(pendingToken, nextTotp(account), "totp", "test-source")).toEqual({
      ok: true,
      data: { next: "new-password" },
    });

    // The sign-up rules: a common password is refused and the reset waits for a better one.
    expect(await finishPasswordReset(pendingToken, "password1234", "t")).toMatchObject({
      ok: false,
      code: "password:common",
    });
    const before = Date.now();
    const done = await finishPasswordReset(pendingToken, NEW_PASSWORD, "Chrome on Linux");
    expect(done.ok).toBe(true);
    const user = (await getUser(account.user.id))!;
    expect(await checkPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(user.sessionsValidAfter.getTime()).toBeGreaterThanOrEqual(before);
    expect(user.withdrawalsHeldUntil!.getTime()).toBeGreaterThanOrEqual(before + WITHDRAWAL_HOLD_MS);
    expect(done.ok && done.data.withdrawalsHeldUntil).toEqual(user.withdrawalsHeldUntil);
    expect(await db.$count(trustedDevices, eq(trustedDevices.userId, account.user.id))).toBe(0);
    const events = await db.query.auditEvents.findMany({ where: eq(auditEvents.userId, account.user.id) });
    expect(events.find((event) => event.type === "password.reset")?.detail).toEqual({ with: "totp" });
    // Single use: this request and every other mailed code of the account are gone.
    expect(await db.$count(passwordResets, eq(passwordResets.userId, account.user.id))).toBe(0);
    expect(await finishPasswordReset(pendingToken, "yet another long passphrase", "t")).toMatchObject({
      ok: false,
      code: "password-reset:expired",
    });
    expect(await checkResetCode(other.pendingToken, codeIn(other.mail!.text)!)).toMatchObject({
      ok: false,
      code: "password-reset:expired",
    });
  });

  it("a recovery code proves the second factor once: it is used up", async () => {
    const account = await createAccount();
    const [first] = await recoveryCodesFor(account);
    const one = await mailedCode(account.user.email);
    await checkResetCode(one.pendingToken, one.code);
    expect(await checkResetSecondFactor(one.pendingToken, first.toLowerCase(), "recovery-code", "s")).toMatchObject({
      ok: true,
    });
    expect(await countUnusedRecoveryCodes(account.user.id)).toBe(9);
    const two = await mailedCode(account.user.email);
    await checkResetCode(two.pendingToken, two.code);
    expect(await checkResetSecondFactor(two.pendingToken, first, "recovery-code", "s")).toMatchObject({
      ok: false,
      code: "password-reset:invalid-code",
    });
    expect(await finishPasswordReset(one.pendingToken, NEW_PASSWORD, "t")).toMatchObject({ ok: true });
    const events = await db.query.auditEvents.findMany({ where: eq(auditEvents.userId, account.user.id) });
    expect(events.find((event) => event.type === "password.reset")?.detail).toEqual({ with: "recovery-code" });
  });

  it("an account without two-factor has none to skip: the mailed code leads straight to the new password (decision 017)", async () => {
    const user = (await createUser(`no-2fa-${newToken(6)}@test.example`, PASSWORD))!;
    const { pendingToken, code } = await mailedCode(user.email);
    expect(await checkResetCode(pendingToken, code)).toEqual({ ok: true, data: { next: "new-password" } });
    expect(await finishPasswordReset(pendingToken, NEW_PASSWORD, "t")).toMatchObject({ ok: true });
    const events = await db.query.auditEvents.findMany({ where: eq(auditEvents.userId, user.id) });
    expect(events.find((event) => event.type === "password.reset")?.detail).toEqual({ with: "email" });
  });

  it("five wrong codes end the request, the right code included", async () => {
    const account = await createAccount();
    const { pendingToken, code } = await mailedCode(account.user.email);
    for (let i = 1; i < PASSWORD_RESET_ATTEMPTS; i++) {
      expect(await checkResetCode(pendingToken, wrong(code))).toMatchObject({ code: "password-reset:invalid-code" });
    }
    expect(await checkResetCode(pendingToken, wrong(code))).toMatchObject({ code: "password-reset:expired" });
    expect(await checkResetCode(pendingToken, code)).toMatchObject({ code: "password-reset:expired" });
  });

  it("mails one address 5 times an hour; past that no mail goes out and no code works", async () => {
    const account = await createAccount();
    const now = Date.now();
    for (let i = 0; i < 5; i++)
      expect((await startPasswordReset(account.user.email, mailText, now)).mail).not.toBeNull();
    const held = await startPasswordReset(account.user.email, mailText, now);
    expect(held.mail).toBeNull();
    expect(await checkResetCode(held.pendingToken, "123456", now)).toMatchObject({
      code: "password-reset:invalid-code",
    });
  });

  it("a code works for 15 minutes; the sweeper deletes the request after that", async () => {
    const account = await createAccount();
    const { pendingToken, code } = await mailedCode(account.user.email);
    const later = Date.now() + PASSWORD_RESET_TTL_MS + 60_000;
    expect(await checkResetCode(pendingToken, code, later)).toMatchObject({ code: "password-reset:expired" });
    await sweepExpiredRows(Date.now() + PASSWORD_RESET_TTL_MS - 60_000);
    expect(await db.$count(passwordResets, eq(passwordResets.userId, account.user.id))).toBe(1);
    await sweepExpiredRows(later);
    expect(await db.$count(passwordResets, eq(passwordResets.userId, account.user.id))).toBe(0);
  });
});
