// A step-up with a recovery code, for someone who lost their phone: it grants the change asked for (adding a passkey
// included), is used up and logged, and never opens the support console.
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db/client";
import { stepUpGrants } from "@/lib/db/schema";
import { createAccount, ORIGIN } from "@/test/accounts";
import { finishRegistration, startRegistration } from "@/lib/webauthn/registration";
import { listEvents } from "./audit";
import { countUnusedRecoveryCodes, makeRecoveryCodeSet, storeRecoveryCodes } from "./recovery-codes";
import { stepUpWithCode, type stepUpWithTotp } from "./step-up";
import { englishPasskeyWords } from "@/test/passkey-words";

const stepUpWithRecoveryCode = (...args: Parameters<typeof stepUpWithTotp>) => stepUpWithCode("recovery-code", ...args);

async function accountWithCodes() {
  const account = await createAccount();
  const set = await makeRecoveryCodeSet();
  const codes = await transaction((tx) => storeRecoveryCodes(tx, account.user.id, set));
  return { account, codes };
}

describe("step-up with a recovery code", () => {
  it("grants adding a passkey in the new session, uses the code up and logs it", async () => {
    const { account, codes } = await accountWithCodes();
    const result = await stepUpWithRecoveryCode(account.user, codes[0], "add-passkey", "t");
    if (!result.ok) throw new Error(result.code);
    expect(await countUnusedRecoveryCodes(account.user.id)).toBe(9);
    const grants = await db.query.stepUpGrants.findMany({
      where: and(eq(stepUpGrants.userId, account.user.id), isNull(stepUpGrants.consumedAt)),
    });
    expect(grants).toMatchObject([
      { sessionId: result.data.sessionId, method: "recovery-code", purpose: "add-passkey" },
    ]);
    const session = { user: account.user, sessionId: result.data.sessionId };
    const start = await startRegistration(session, "this-device");
    if (!start.ok) throw new Error(start.code);
    const added = await finishRegistration(
      session,
      start.data.ceremonyId,
      account.authenticator.register(start.data.options, ORIGIN),
      "t",
      englishPasskeyWords,
    );
    expect(added.ok).toBe(true);
    const types = (await listEvents(account.user.id)).map((event) => event.type);
    expect(types).toContain("step-up.recovery-code");
    expect(types).toContain("passkey.added");
  });

  it("refuses a used or wrong code (counted toward the lock, logged) and the support console", async () => {
    const { account, codes } = await accountWithCodes();
    expect((await stepUpWithRecoveryCode(account.user, codes[1], "remove-passkey", "t")).ok).toBe(true);
    expect(await stepUpWithRecoveryCode(account.user, codes[1], "remove-passkey", "t")).toMatchObject({
      ok: false,
      code: "step-up:invalid",
    });
    expect(await stepUpWithRecoveryCode(account.user, "AAAAA-BBBBB", "add-passkey", "t")).toMatchObject({
      ok: false,
      code: "step-up:invalid",
    });
    expect(await stepUpWithRecoveryCode(account.user, codes[2], "support-console", "t")).toMatchObject({
      ok: false,
      code: "step-up:passkey-required",
    });
    expect(await countUnusedRecoveryCodes(account.user.id)).toBe(9);
    const failed = (await listEvents(account.user.id)).filter((event) => event.type === "step-up.failed");
    expect(failed.map((event) => event.detail)).toEqual([{ reason: "recovery-code" }, { reason: "recovery-code" }]);
    const user = await db.query.users.findFirst({ where: (users, { eq }) => eq(users.id, account.user.id) });
    expect(user?.failedAttempts).toBe(2);
  });
});
