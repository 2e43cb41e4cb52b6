// A demo withdrawal needs a fresh, user-verified passkey assertion whose challenge commits to the amount and the
// destination: challenge = nonce (16 bytes) ‖ SHA-256(payload), so the authenticator signs the transaction itself
// (security bar C29). Verification, challenge, counter, debit and ledger commit together, once.
import { createHash, randomBytes } from "node:crypto";
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { and, eq, gte, sql } from "drizzle-orm";
import { transaction } from "@/lib/db/client";
import { ledgerEntries, wallets, withdrawals, type User } from "@/lib/db/schema";
import { recordEvent } from "@/lib/auth/audit";
import { newToken } from "@/lib/crypto/tokens";
import { AppError, fail, ok, type Result } from "@/lib/result";
import { recordAssertion } from "@/lib/webauthn/assertion";
import { accountAllowCredentials } from "@/lib/webauthn/allow-credentials";
import { checkAssertion, offeredIds } from "@/lib/webauthn/authentication";
import { burnOnFailure, consumeChallenge, requireOpenChallenge, saveAccountChallenge } from "@/lib/webauthn/challenges";
import { CEREMONY_TIMEOUT_MS, relyingParty } from "@/lib/webauthn/relying-party";
import { isValidAddress } from "./addresses";
import { formatAmount, parseAmount } from "./amounts";
import { ensureWallet } from "./wallet";
import { refuseWhileHeld } from "./withdrawal-hold";

export type WithdrawalRequest = { amount: string; destination: string };
type Ceremony = { user: User; sessionId: string };
type Order = { units: number; destination: string };

function payloadHash({ units, destination }: Order): Buffer {
  return createHash("sha256").update(`passkey-lab withdrawal v1\n${units}\n${destination}`).digest();
}

/** Checks the order against the rules and the balance; the same checks run again when it is finished. */
async function validateOrder(userId: string, request: WithdrawalRequest): Promise<Result<Order>> {
  const units = parseAmount(request.amount);
  if (units === null) return fail("wallet:bad-amount", "wallet.amount-format");
  const destination = request.destination.trim();
  if (!isValidAddress(destination)) {
    return fail("wallet:bad-address", "wallet.address-typo");
  }
  const balance = await ensureWallet(userId);
  if (units > balance)
    return fail("wallet:insufficient", { key: "wallet.at-most-balance", values: { balance: formatAmount(balance) } });
  return ok({ units, destination });
}

export async function startWithdrawal(
  { user, sessionId }: Ceremony,
  request: WithdrawalRequest,
): Promise<
  Result<{
    ceremonyId: string;
    options: PublicKeyCredentialRequestOptionsJSON;
    summary: string;
    amount: string;
    destination: string;
  }>
> {
  const held = refuseWhileHeld(user);
  if (held) return held;
  const order = await validateOrder(user.id, request);
  if (!order.ok) return order;
  const allowCredentials = await accountAllowCredentials(user.id);
  if (allowCredentials.length === 0) {
    return fail("wallet:passkey-required", "wallet.confirm-with-passkey");
  }
  const hash = payloadHash(order.data);
  const options = await generateAuthenticationOptions({
    rpID: relyingParty.id,
    challenge: new Uint8Array(Buffer.concat([randomBytes(16), hash])),
    allowCredentials,
    userVerification: "required",
    timeout: CEREMONY_TIMEOUT_MS,
  });
  const saved = await saveAccountChallenge({
    purpose: "withdrawal",
    value: options.challenge,
    userId: user.id,
    sessionId,
    payloadHash: hash.toString("base64url"),
    allowedCredentialIds: offeredIds(options),
  });
  if (!saved.ok) return saved;
  return ok({
    ceremonyId: saved.data,
    options,
    summary: `${formatAmount(order.data.units)} to ${order.data.destination}`,
    // Apart as well, for a page to put into a sentence of its own language.
    amount: formatAmount(order.data.units),
    destination: order.data.destination,
  });
}

export async function finishWithdrawal(
  { user, sessionId }: Ceremony,
  ceremonyId: string,
  request: WithdrawalRequest,
  body: unknown,
  client: string,
): Promise<Result<{ withdrawalId: string; balance: number }>> {
  return burnOnFailure(ceremonyId, async () => {
    const challenge = await requireOpenChallenge(ceremonyId, "withdrawal", { userId: user.id, sessionId });
    // Again here: a reset between the options and the confirmation ends this session anyway, but the hold is the rule.
    const held = refuseWhileHeld(user);
    if (held) return held;
    const order = await validateOrder(user.id, request);
    if (!order.ok) return order;
    if (payloadHash(order.data).toString("base64url") !== challenge.payloadHash) {
      return fail("wallet:changed", "wallet.changed-start-again");
    }
    const { passkey, assertion } = await checkAssertion(challenge, body, user.id);
    const withdrawalId = newToken(12);
    const balance = await transaction(
      async (tx) => {
        await consumeChallenge(tx, ceremonyId);
        await recordAssertion(tx, passkey, assertion, client);
        const [wallet] = await tx
          .update(wallets)
          .set({ balance: sql`${wallets.balance} - ${order.data.units}` })
          .where(and(eq(wallets.userId, user.id), gte(wallets.balance, order.data.units)))
          .returning({ balance: wallets.balance });
        if (!wallet) throw new AppError(fail("wallet:insufficient", "wallet.too-low-for-this"));
        const { units, destination } = order.data;
        await tx.insert(withdrawals).values({
          id: withdrawalId,
          userId: user.id,
          amount: units,
          destination,
          challengeId: ceremonyId,
          passkeyId: passkey.id,
        });
        await tx
          .insert(ledgerEntries)
          .values({ id: newToken(12), userId: user.id, amount: -units, kind: "withdrawal", withdrawalId });
        await recordEvent(tx, {
          userId: user.id,
          type: "withdrawal",
          client,
          detail: { amount: formatAmount(units), to: destination },
        });
        return wallet.balance;
      },
      { durable: true },
    );
    return ok({ withdrawalId, balance });
  });
}
