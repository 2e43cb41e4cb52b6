import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import { Card } from "@/components/ui";
import { requirePageSession } from "@/lib/auth/session";
import { fillIn, slot } from "@/lib/i18n/fill-in";
import { newDemoAddress } from "@/lib/wallet/addresses";
import { formatAmount } from "@/lib/wallet/amounts";
import { ensureWallet, listWithdrawals } from "@/lib/wallet/wallet";
import { withdrawalHoldEnds } from "@/lib/wallet/withdrawal-hold";
import { listPasskeys } from "@/lib/webauthn/passkeys";
import { WithdrawalForm, type WithdrawalFormText } from "./withdrawal-form";

export async function generateMetadata() {
  return { title: (await getTranslations("wallet"))("title") };
}

export default async function WalletPage() {
  const { user } = await requirePageSession();
  const [balance, history, passkeys] = await Promise.all([
    ensureWallet(user.id),
    listWithdrawals(user.id),
    listPasskeys(user.id),
  ]);
  const heldUntil = withdrawalHoldEnds(user);
  const [t, locale] = await Promise.all([getTranslations("wallet"), getLocale()]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("notRealMoney")}</p>
      </div>
      <Card title={t("balance")}>
        <p className="text-3xl font-semibold" data-testid="balance">
          {formatAmount(balance)}
        </p>
      </Card>
      <Card title={t("withdraw")}>
        {heldUntil && (
          // The server refuses too (lib/wallet/withdrawal-hold.ts); this only says so before anyone tries.
          <p
            role="status"
            className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            {fillIn(t("heldAfterReset", { time: slot("time") }), {
              time: <LocalTime date={heldUntil} locale={locale} />,
            })}
          </p>
        )}
        {passkeys.length === 0 ? (
          <p className="text-sm text-slate-700">
            {t.rich("passkeyFirst", {
              link: (chunks) => (
                <Link href="/account" className="font-medium text-brand-700 underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ) : (
          <WithdrawalForm exampleAddress={newDemoAddress()} text={await withdrawalFormText()} />
        )}
      </Card>
      <Card title={t("recent")}>
        {history.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noneYet")}</p>
        ) : (
          <ul aria-label={t("recent")} className="flex flex-col divide-y divide-slate-100 text-sm">
            {history.map((withdrawal) => (
              <li key={withdrawal.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span className="font-medium">{formatAmount(withdrawal.amount)}</span>
                <code className="break-all text-xs text-slate-600">{withdrawal.destination}</code>
                <span className="text-slate-600">
                  <LocalTime date={withdrawal.createdAt} locale={locale} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

async function withdrawalFormText(): Promise<WithdrawalFormText> {
  const t = await getTranslations("withdrawalForm");
  return {
    amount: t("amount"),
    destination: t("destination"),
    demoAddresses: t.rich("demoAddresses", { code: (chunks) => <code>{chunks}</code> }),
    useDemoAddress: t("useDemoAddress"),
    confirmWithPasskey: t("confirmWithPasskey"),
    sent: t("sent", { amount: slot("amount"), destination: slot("destination") }),
    submit: t("submit"),
  };
}
