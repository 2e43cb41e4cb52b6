// New recovery codes for someone who used or lost some: a factor change, so it needs a step-up like adding a passkey
// (security bar C30, D38), and the old codes stop working in the same commit as the new ones start.
import { and, eq, isNotNull } from "drizzle-orm";
import { transaction } from "@/lib/db/client";
import { totpFactors } from "@/lib/db/schema";
import { AppError, fail, catchAppError, ok, type Result } from "@/lib/result";
import { recordEvent } from "./audit";
import { makeRecoveryCodeSet, storeRecoveryCodes } from "./recovery-codes";
import { spendStepUpGrant } from "./step-up";

export async function replaceRecoveryCodes({
  userId,
  sessionId,
  client,
}: {
  userId: string;
  sessionId: string;
  client: string;
}): Promise<Result<{ recoveryCodes: string[] }>> {
  const set = await makeRecoveryCodeSet();
  return catchAppError(() =>
    transaction(
      async (tx) => {
        const totp = await tx.query.totpFactors.findFirst({
          where: and(eq(totpFactors.userId, userId), isNotNull(totpFactors.enabledAt)),
          columns: { userId: true },
        });
        if (!totp) throw new AppError(fail("totp:required", "totp.required-for-recovery-codes"));
        if (!(await spendStepUpGrant(tx, userId, sessionId, "recovery-codes"))) {
          throw new AppError(fail("step-up:required", "step-up.code-or-passkey"));
        }
        const recoveryCodes = await storeRecoveryCodes(tx, userId, set);
        await recordEvent(tx, { userId, type: "recovery-codes.replaced", client });
        return ok({ recoveryCodes });
      },
      { durable: true },
    ),
  );
}
