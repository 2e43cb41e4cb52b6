import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { newToken } from "@/lib/crypto/tokens";
import { createAccount } from "@/test/accounts";
import { listEvents } from "./audit";
import { countUnusedRecoveryCodes, recoveryCodeKeys, spendRecoveryCode } from "./recovery-codes";
import { replaceRecoveryCodes } from "./replace-recovery-codes";
import { grantStepUp } from "./step-up";
import { createUser } from "./users";

describe("replacing recovery codes", () => {
  it("needs a step-up of this session and spends it; the new codes work once, the old ones never again", async () => {
    const account = await createAccount();
    const who = { userId: account.user.id, sessionId: account.sessionId, client: "test" };
    expect(await replaceRecoveryCodes(who)).toMatchObject({ ok: false, code: "step-up:required" });
    // A grant asked for another change is not for this one (security bar C30).
    await grantStepUp(db, {
      userId: account.user.id,
      sessionId: account.sessionId,
      method: "totp",
      purpose: "add-passkey",
    });
    expect(await replaceRecoveryCodes(who)).toMatchObject({ ok: false, code: "step-up:required" });
    // Another session's grant is not this session's.
    await grantStepUp(db, {
      userId: account.user.id,
      sessionId: newToken(16),
      method: "totp",
      purpose: "recovery-codes",
    });
    expect(await replaceRecoveryCodes(who)).toMatchObject({ ok: false, code: "step-up:required" });

    await grantStepUp(db, {
      userId: account.user.id,
      sessionId: account.sessionId,
      method: "totp",
      purpose: "recovery-codes",
    });
    const first = await replaceRecoveryCodes(who);
    if (!first.ok) throw new Error(first.code);
    expect(first.data.recoveryCodes).toHaveLength(10);
    expect(new Set(first.data.recoveryCodes).size).toBe(10);
    expect(
      await spendRecoveryCode(
        db,
        account.user.id,
        await recoveryCodeKeys(account.user.id, first.data.recoveryCodes[0]),
      ),
    ).toBe(true);
    expect(await countUnusedRecoveryCodes(account.user.id)).toBe(9);
    // The grant was spent by the first replacement.
    expect(await replaceRecoveryCodes(who)).toMatchObject({ ok: false, code: "step-up:required" });

    await grantStepUp(db, {
      userId: account.user.id,
      sessionId: account.sessionId,
      method: "passkey",
      purpose: "recovery-codes",
    });
    const second = await replaceRecoveryCodes(who);
    if (!second.ok) throw new Error(second.code);
    expect(await countUnusedRecoveryCodes(account.user.id)).toBe(10);
    expect(
      await spendRecoveryCode(
        db,
        account.user.id,
        await recoveryCodeKeys(account.user.id, first.data.recoveryCodes[1]),
      ),
    ).toBe(false);
    expect(
      await spendRecoveryCode(
        db,
        account.user.id,
        await recoveryCodeKeys(account.user.id, second.data.recoveryCodes[1]),
      ),
    ).toBe(true);
    expect(
      (await listEvents(account.user.id)).filter((event) => event.type === "recovery-codes.replaced"),
    ).toHaveLength(2);
  });

  it("refuses an account without two-factor, and makes no codes for it", async () => {
    const user = (await createUser(`no-totp-${newToken(6)}@test.example`, "a long enough password"))!;
    const sessionId = newToken(16);
    await grantStepUp(db, { userId: user.id, sessionId, method: "passkey", purpose: "recovery-codes" });
    expect(await replaceRecoveryCodes({ userId: user.id, sessionId, client: "test" })).toMatchObject({
      ok: false,
      code: "totp:required",
    });
    expect(await countUnusedRecoveryCodes(user.id)).toBe(0);
  });
});
