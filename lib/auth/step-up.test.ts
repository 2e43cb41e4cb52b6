import { describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { challenges, passkeys, stepUpGrants, type StepUpPurpose } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { createAccount, ORIGIN, type TestAccount } from "@/test/accounts";
import { finishPasskeyStepUp, startPasskeyStepUp } from "@/lib/webauthn/authentication";
import { listEvents } from "./audit";
import { replaceRecoveryCodes } from "./replace-recovery-codes";
import { removePasskey, removePassword } from "./sign-in-methods";
import { STEP_UP_TTL_MS, stepUpExpiry, stepUpWithTotp, SUPPORT_CONSOLE_TTL_MS } from "./step-up";
import { getUser } from "./users";

/** Unspent grants: registering the test account's passkeys spent grants of their own. */
const grantsOf = (userId: string) =>
  db.query.stepUpGrants.findMany({ where: and(eq(stepUpGrants.userId, userId), isNull(stepUpGrants.consumedAt)) });
const counterOf = async (id: string) => (await db.query.passkeys.findFirst({ where: eq(passkeys.id, id) }))!.counter;

const passkeyCount = (userId: string) => db.$count(passkeys, eq(passkeys.userId, userId));

async function stepUp(account: TestAccount, purpose: StepUpPurpose) {
  const result = await stepUpWithTotp(
    account.user,
    account.totp.generate({ timestamp: Date.now() + 30_000 }),
    purpose,
    "t",
  );
  if (!result.ok) throw new Error(result.code);
  return result.data;
}

/** A passkey step-up in `sessionId` for `purpose`; the new session it starts. */
async function stepUpWithPasskey(account: TestAccount, sessionId: string, purpose: StepUpPurpose): Promise<string> {
  const start = await startPasskeyStepUp(account.user, sessionId);
  if (!start.ok) throw new Error(start.code);
  const response = account.authenticator.authenticate(start.data.options, ORIGIN);
  const result = await finishPasskeyStepUp(account.user, sessionId, start.data.ceremonyId, response, purpose, "t");
  if (!result.ok) throw new Error(result.code);
  return result.data.sessionId;
}

async function startStepUp(account: TestAccount) {
  const start = await startPasskeyStepUp(account.user, account.sessionId);
  if (!start.ok) throw new Error(start.code);
  return start.data;
}

describe("step-up", () => {
  it("grants one step-up for a valid TOTP code to a new session, for five minutes; the old session gets none", async () => {
    const account = await createAccount();
    const before = Date.now();
    const result = await stepUpWithTotp(
      account.user,
      account.totp.generate({ timestamp: Date.now() + 30_000 }),
      "add-passkey",
      "t",
    );
    if (!result.ok) throw new Error(result.code);
    const { sessionId } = result.data;
    expect(sessionId).not.toBe(account.sessionId);
    const grants = await grantsOf(account.user.id);
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ sessionId, method: "totp", consumedAt: null });
    const expiry = (await stepUpExpiry(account.user.id, sessionId, "add-passkey"))!.getTime();
    expect(expiry).toBeGreaterThanOrEqual(before + STEP_UP_TTL_MS);
    expect(expiry).toBeLessThanOrEqual(Date.now() + STEP_UP_TTL_MS);
    expect(await stepUpExpiry(account.user.id, account.sessionId, "add-passkey")).toBeNull();
    expect(await stepUpExpiry(account.user.id, newToken(16), "add-passkey")).toBeNull();
  });

  it("refuses a reused TOTP code and grants nothing for it", async () => {
    const account = await createAccount();
    const code = account.totp.generate({ timestamp: Date.now() + 30_000 });
    expect((await stepUpWithTotp(account.user, code, "add-passkey", "t")).ok).toBe(true);
    const reused = await stepUpWithTotp(account.user, code, "add-passkey", "t");
    expect(reused.ok || reused.code).toBe("step-up:invalid");
    expect(await grantsOf(account.user.id)).toHaveLength(1);
    expect((await getUser(account.user.id))!.failedAttempts).toBe(1);

    // The set-up code (the current step) is spent too.
    const setUpCode = await stepUpWithTotp(account.user, account.totp.generate(), "add-passkey", "t");
    expect(setUpCode.ok || setUpCode.code).toBe("step-up:invalid");
    expect(await grantsOf(account.user.id)).toHaveLength(1);
  });

  it("grants a step-up for a user-verified passkey of this account", async () => {
    const account = await createAccount({ passkeys: 1 });
    const { ceremonyId, options } = await startStepUp(account);
    expect(options.userVerification).toBe("required");
    expect(options.allowCredentials?.map((credential) => credential.id)).toEqual(account.passkeyIds);
    const result = await finishPasskeyStepUp(
      account.user,
      account.sessionId,
      ceremonyId,
      account.authenticator.authenticate(options, ORIGIN),
      "add-passkey",
      "t",
    );
    if (!result.ok) throw new Error(result.code);
    expect(result.data.sessionId).not.toBe(account.sessionId);
    expect(await grantsOf(account.user.id)).toMatchObject([
      { sessionId: result.data.sessionId, method: "passkey", consumedAt: null },
    ]);
    expect(await stepUpExpiry(account.user.id, account.sessionId, "add-passkey")).toBeNull();
  });

  it("refuses another person's passkey and grants nothing", async () => {
    const account = await createAccount({ passkeys: 1 });
    const other = await createAccount({ passkeys: 1 });
    const { ceremonyId, options } = await startStepUp(account);
    // The other person's authenticator answers this account's challenge with their own credential.
    const response = other.authenticator.authenticate({ ...options, allowCredentials: undefined }, ORIGIN);
    expect(response.id).toBe(other.passkeyIds[0]);
    const result = await finishPasskeyStepUp(account.user, account.sessionId, ceremonyId, response, "add-passkey", "t");
    expect(result.ok || result.code).toBe("passkey:not-verified");
    expect(await grantsOf(account.user.id)).toHaveLength(0);
    expect(await grantsOf(other.user.id)).toHaveLength(0);
    expect(await counterOf(other.passkeyIds[0])).toBe(0);
    expect((await db.query.challenges.findFirst({ where: eq(challenges.id, ceremonyId) }))!.consumedAt).not.toBeNull();

    // Nor does the other person get a grant by finishing this account's ceremony as themselves.
    const asOther = await finishPasskeyStepUp(other.user, other.sessionId, ceremonyId, response, "add-passkey", "t");
    expect(asOther.ok || asOther.code).toBe("challenge:invalid");
    expect(await grantsOf(other.user.id)).toHaveLength(0);
  });

  it("refuses a passkey assertion without user verification and grants nothing", async () => {
    const account = await createAccount({ passkeys: 1 });
    const { ceremonyId, options } = await startStepUp(account);
    const response = account.authenticator.authenticate(options, ORIGIN, { flags: { uv: false } });
    const result = await finishPasskeyStepUp(account.user, account.sessionId, ceremonyId, response, "add-passkey", "t");
    expect(result.ok || result.code).toBe("passkey:uv-missing");
    expect(await grantsOf(account.user.id)).toHaveLength(0);
    expect(await stepUpExpiry(account.user.id, account.sessionId, "add-passkey")).toBeNull();
    expect(await counterOf(account.passkeyIds[0])).toBe(0);
  });

  it("refuses a passkey step-up finished in another session", async () => {
    const account = await createAccount({ passkeys: 1 });
    const { ceremonyId, options } = await startStepUp(account);
    const otherSessionId = newToken(16);
    const result = await finishPasskeyStepUp(
      account.user,
      otherSessionId,
      ceremonyId,
      account.authenticator.authenticate(options, ORIGIN),
      "add-passkey",
      "t",
    );
    expect(result.ok || result.code).toBe("challenge:invalid");
    expect(await grantsOf(account.user.id)).toHaveLength(0);
  });

  it("SEC-30b binds a grant to the purpose it was asked for: spent by that change only", async () => {
    const account = await createAccount({ passkeys: 2 });
    const who = { userId: account.user.id, client: "t" };
    const { sessionId } = await stepUp(account, "add-passkey");
    // Asked for adding a passkey: it removes neither a passkey nor the password, nor makes recovery codes.
    expect(await removePasskey({ ...who, sessionId, passkeyId: account.passkeyIds[0] })).toMatchObject({
      ok: false,
      code: "step-up:required",
    });
    expect(await removePassword({ ...who, sessionId })).toMatchObject({ ok: false, code: "step-up:required" });
    expect(await replaceRecoveryCodes({ ...who, sessionId })).toMatchObject({ ok: false, code: "step-up:required" });
    expect(await stepUpExpiry(account.user.id, sessionId, "add-passkey")).not.toBeNull();
    expect(await stepUpExpiry(account.user.id, sessionId, "remove-password")).toBeNull();
    expect(await passkeyCount(account.user.id)).toBe(2);

    // Asked for removing a passkey (here with a passkey): it removes one, then nothing else.
    const removal = await stepUpWithPasskey(account, sessionId, "remove-passkey");
    expect(await removePassword({ ...who, sessionId: removal })).toMatchObject({ ok: false, code: "step-up:required" });
    expect((await removePasskey({ ...who, sessionId: removal, passkeyId: account.passkeyIds[0] })).ok).toBe(true);
    expect(await passkeyCount(account.user.id)).toBe(1);
    // Only the unspent add-passkey grant is left.
    expect(await grantsOf(account.user.id)).toMatchObject([{ purpose: "add-passkey" }]);
    const [event] = (await listEvents(account.user.id)).filter((entry) => entry.type === "step-up.passkey");
    expect(event.detail).toMatchObject({ purpose: "remove-passkey" });
  });

  it("SEC-38b grants the support console only for a user-verified passkey, for 15 minutes, held rather than spent", async () => {
    const account = await createAccount({ passkeys: 1 });
    const byCode = await stepUpWithTotp(
      account.user,
      account.totp.generate({ timestamp: Date.now() + 30_000 }),
      "support-console",
      "t",
    );
    expect(byCode).toMatchObject({ ok: false, code: "step-up:passkey-required" });
    expect(await grantsOf(account.user.id)).toEqual([]);
    const before = Date.now();
    const sessionId = await stepUpWithPasskey(account, account.sessionId, "support-console");
    const expiry = (await stepUpExpiry(account.user.id, sessionId, "support-console", "passkey"))!.getTime();
    expect(expiry).toBeGreaterThanOrEqual(before + SUPPORT_CONSOLE_TTL_MS);
    expect(expiry).toBeLessThanOrEqual(Date.now() + SUPPORT_CONSOLE_TTL_MS);
    // Nothing else may spend it.
    expect(await removePassword({ userId: account.user.id, sessionId, client: "t" })).toMatchObject({
      ok: false,
      code: "step-up:required",
    });
  });

  it("has nothing to offer an account without passkeys", async () => {
    const account = await createAccount();
    const start = await startPasskeyStepUp(account.user, account.sessionId);
    expect(start.ok || start.code).toBe("passkey:not-found");
  });
});
