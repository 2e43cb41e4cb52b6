import { TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { newToken } from "@/lib/crypto/tokens";
import { createAccount, PASSWORD } from "@/test/accounts";
import { isLocked, recordFailedAttempt } from "./lockout";
import { completeSecondFactor, signInWithPassword } from "./password-sign-in";
import { countUnusedRecoveryCodes } from "./recovery-codes";
import { stepUpExpiry } from "./step-up";
import { confirmTotpSetup, startTotpSetup } from "./totp";
import { changePassword } from "./password-change";
import { createUser, endAllSessions, getUser } from "./users";

const nextCode = (totp: TOTP) => totp.generate({ timestamp: Date.now() + 30_000 });
/** A 6-digit code that matches none of the three accepted steps around now. */
function wrongCode(totp: TOTP) {
  const valid = [-1, 0, 1].map((step) => totp.generate({ timestamp: Date.now() + step * 30_000 }));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!valid.includes(candidate)) return candidate;
  }
}

async function pendingFor(email: string) {
  const result = await signInWithPassword(email, PASSWORD, "t");
  if (!result.ok || result.data.next !== "second-factor")
    throw new Error(`expected a second factor step, got ${JSON.stringify(result)}`);
  return result.data.pendingToken;
}

/** createAccount keeps the recovery codes to itself; this user is made the same way but keeps them. */
async function userWithRecoveryCodes() {
  const user = (await createUser(`rc-${newToken(6)}@test.example`, PASSWORD))!;
  const setup = await startTotpSetup(user.id, user.email);
  if (setup === "already-enabled") throw new Error("unexpected");
  const totp = new TOTP({ secret: setup.manualKey.replace(/ /g, "") });
  const codes = (await confirmTotpSetup(user.id, totp.generate()))!;
  expect(codes).toHaveLength(10);
  return { user, totp, codes };
}

describe("password sign-in", () => {
  it("grants one automatic passkey to the session a code sign-in starts, none after a recovery code", async () => {
    const { user, totp, codes } = await userWithRecoveryCodes();
    const byRecoveryCode = await completeSecondFactor(await pendingFor(user.email), codes[0], "recovery-code", "t");
    if (!byRecoveryCode.ok) throw new Error(byRecoveryCode.code);
    expect(await stepUpExpiry(user.id, byRecoveryCode.data.sessionId, "automatic-passkey")).toBeNull();
    const byCode = await completeSecondFactor(await pendingFor(user.email), nextCode(totp), "totp", "t");
    if (!byCode.ok) throw new Error(byCode.code);
    expect(await stepUpExpiry(user.id, byCode.data.sessionId, "automatic-passkey")).not.toBeNull();
    expect(await stepUpExpiry(user.id, byRecoveryCode.data.sessionId, "automatic-passkey")).toBeNull();
  });

  it("answers an unknown email, a wrong password and a locked account with the very same result", async () => {
    const account = await createAccount();
    const locked = await createAccount();
    for (let i = 0; i < 10; i++) await recordFailedAttempt(locked.user.id);
    expect(isLocked((await getUser(locked.user.id))!)).toBe(true);

    const unknown = await signInWithPassword(`nobody-${newToken(6)}@test.example`, PASSWORD, "t");
    const wrong = await signInWithPassword(account.user.email, `${PASSWORD}!`, "t");
    const lockedRight = await signInWithPassword(locked.user.email, PASSWORD, "t");

    expect(unknown).toStrictEqual({
      ok: false,
      code: "auth:invalid-credentials",
      message: "User not found or password invalid",
    });
    expect(wrong).toStrictEqual(unknown);
    expect(lockedRight).toStrictEqual(unknown);
    expect((await getUser(account.user.id))!.failedAttempts).toBe(1);
  });

  it("asks for the second factor, then completes with a valid TOTP code and names the account to start a session for", async () => {
    const account = await createAccount();
    const first = await signInWithPassword(account.user.email.toUpperCase(), PASSWORD, "t");
    expect(first.ok && first.data.next).toBe("second-factor");
    const pendingToken = first.ok && first.data.next === "second-factor" ? first.data.pendingToken : "";
    expect(pendingToken).not.toBe("");

    const wrong = await completeSecondFactor(pendingToken, wrongCode(account.totp), "totp", "t");
    expect(wrong.ok || wrong.code).toBe("totp:invalid-code");
    expect((await getUser(account.user.id))!.failedAttempts).toBe(1);

    // A wrong code does not spend the pending sign-in; the right one then completes it.
    const done = await completeSecondFactor(pendingToken, nextCode(account.totp), "totp", "t");
    expect(done.ok).toBe(true);
    expect(done.ok && done.data.userId).toBe(account.user.id);
    expect((await getUser(account.user.id))!.failedAttempts).toBe(0);
  });

  it("refuses an unknown pending token", async () => {
    const account = await createAccount();
    const result = await completeSecondFactor(newToken(), nextCode(account.totp), "totp", "t");
    expect(result.ok || result.code).toBe("auth:pending-expired");
  });

  it("completes a pending sign-in once: a second completion fails and spends nothing", async () => {
    const { user, totp, codes } = await userWithRecoveryCodes();
    const pendingToken = await pendingFor(user.email);
    expect((await completeSecondFactor(pendingToken, nextCode(totp), "totp", "t")).ok).toBe(true);
    const again = await completeSecondFactor(pendingToken, codes[0], "recovery-code", "t");
    expect(again.ok || again.code).toBe("auth:pending-expired");
    expect(await countUnusedRecoveryCodes(user.id)).toBe(10);
  });

  it("accepts each recovery code once, in any case and without the dash", async () => {
    const { user, codes } = await userWithRecoveryCodes();
    for (const [index, code] of codes.slice(0, 3).entries()) {
      const typed = index === 1 ? code.replace("-", "").toLowerCase() : code;
      const result = await completeSecondFactor(await pendingFor(user.email), typed, "recovery-code", "t");
      expect(result.ok).toBe(true);
      expect(result.ok && result.data.userId).toBe(user.id);

      const reused = await completeSecondFactor(await pendingFor(user.email), code, "recovery-code", "t");
      expect(reused.ok || reused.code).toBe("totp:invalid-code");
    }
    expect(await countUnusedRecoveryCodes(user.id)).toBe(7);
  });

  it("lets one of two racing completions win, and the loser spends no recovery code", async () => {
    const { user, codes } = await userWithRecoveryCodes();
    const pendingToken = await pendingFor(user.email);
    const results = await Promise.all(
      codes.slice(0, 2).map((code) => completeSecondFactor(pendingToken, code, "recovery-code", "t")),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ code: "auth:pending-expired" });
    expect(await countUnusedRecoveryCodes(user.id)).toBe(9);
  });

  it("refuses a correct TOTP code while the account is locked", async () => {
    const account = await createAccount();
    const pendingToken = await pendingFor(account.user.email);
    for (let i = 0; i < 10; i++) await recordFailedAttempt(account.user.id);
    const result = await completeSecondFactor(pendingToken, nextCode(account.totp), "totp", "t");
    expect(result.ok || result.code).toBe("totp:invalid-code");
  });

  it("ends a sign-in waiting for its code when the sessions end (sign-out) or the password changes (SEC-37)", async () => {
    const signedOut = await createAccount();
    const beforeSignOut = await pendingFor(signedOut.user.email);
    await endAllSessions(signedOut.user.id);
    const afterSignOut = await completeSecondFactor(beforeSignOut, nextCode(signedOut.totp), "totp", "t");
    expect(afterSignOut.ok || afterSignOut.code).toBe("auth:pending-expired");

    const changed = await createAccount();
    const beforeChange = await pendingFor(changed.user.email);
    expect(
      (
        await changePassword(changed.user, PASSWORD, "a different long passphrase", {
          client: "t",
          source: "198.51.100.2",
        })
      ).ok,
    ).toBe(true);
    const afterChange = await completeSecondFactor(beforeChange, nextCode(changed.totp), "totp", "t");
    expect(afterChange.ok || afterChange.code).toBe("auth:pending-expired");

    // A sign-in started after the change, with the new password, completes.
    const fresh = await signInWithPassword(changed.user.email, "a different long passphrase", "t");
    const token = fresh.ok && fresh.data.next === "second-factor" ? fresh.data.pendingToken : "";
    expect((await completeSecondFactor(token, nextCode(changed.totp), "totp", "t")).ok).toBe(true);
  });
});
