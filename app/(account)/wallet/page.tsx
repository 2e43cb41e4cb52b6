import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { Card } from "@/components/ui";
import { requirePageSession } from "@/lib/auth/session";
import { newDemoAddress } from "@/lib/wallet/addresses";
import { formatAmount } from "@/lib/wallet/amounts";
import { ensureWallet, listWithdrawals } from "@/lib/wallet/wallet";
import { withdrawalHoldEnds } from "@/lib/wallet/withdrawal-hold";
import { listPasskeys } from "@/lib/webauthn/passkeys";
import { WithdrawalForm } from "./withdrawal-form";

export const metadata = { title: "Demo wallet" };

export default async function WalletPage() {
  const { user } = await requirePageSession();
  const [balance, history, passkeys] = await Promise.all([
    ensureWallet(user.id),
    listWithdrawals(user.id),
    listPasskeys(user.id),
  ]);
  const heldUntil = withdrawalHoldEnds(user);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Demo wallet</h1>
        <p className="text-sm text-slate-600">
          LAB is a demo asset: nothing here is real money, and nothing is ever sent anywhere.
        </p>
      </div>
      <Card title="Balance">
        <p className="text-3xl font-semibold" data-testid="balance">
          {formatAmount(balance)}
        </p>
      </Card>
      <Card title="Withdraw">
        {heldUntil && (
          // The server refuses too (lib/wallet/withdrawal-hold.ts); this only says so before anyone tries.
          <p
            role="status"
            className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            Withdrawals are held until <LocalTime date={heldUntil} />: your password was reset, and withdrawals wait 24
            hours after a reset, so that whoever reset it cannot empty the wallet before you notice.
          </p>
        )}
        {passkeys.length === 0 ? (
          <p className="text-sm text-slate-700">
            Withdrawals are confirmed with a passkey, like at a careful exchange.{" "}
            <Link href="/account" className="font-medium text-brand-700 underline">
              Add a passkey
            </Link>{" "}
            first (two-factor authentication comes before that).
          </p>
        ) : (
          <WithdrawalForm exampleAddress={newDemoAddress()} />
        )}
      </Card>
      <Card title="Recent withdrawals">
        {history.length === 0 ? (
          <p className="text-sm text-slate-600">No withdrawals yet.</p>
        ) : (
          <ul aria-label="Recent withdrawals" className="flex flex-col divide-y divide-slate-100 text-sm">
            {history.map((withdrawal) => (
              <li key={withdrawal.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span className="font-medium">{formatAmount(withdrawal.amount)}</span>
                <code className="break-all text-xs text-slate-600">{withdrawal.destination}</code>
                <span className="text-slate-600">
                  <LocalTime date={withdrawal.createdAt} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
