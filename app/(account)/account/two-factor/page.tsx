import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { countUnusedRecoveryCodes } from "@/lib/auth/recovery-codes";
import { requirePageSession } from "@/lib/auth/session";
import { hasTotp } from "@/lib/auth/totp";
import { listPasskeys } from "@/lib/webauthn/passkeys";
import { ReplaceRecoveryCodes } from "./replace-recovery-codes";
import { replaceRecoveryCodesText, totpSetupText } from "./text";
import { TotpSetup } from "./totp-setup";

export async function generateMetadata() {
  return { title: (await getTranslations("twoFactor"))("title") };
}

export default async function TwoFactorPage() {
  const { user } = await requirePageSession();
  const enabled = await hasTotp(user.id);
  const t = await getTranslations("twoFactor");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/account" className="text-sm text-brand-700 underline">
          {t("backToAccount")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
      </div>
      <Card title={t("authenticatorApp")}>
        {enabled ? (
          <p className="text-sm text-slate-700">
            {t.rich("on", {
              link: (chunks) => (
                <Link href="/account" className="text-brand-700 underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ) : (
          <TotpSetup text={await totpSetupText()} />
        )}
      </Card>
      {enabled && <RecoveryCodesCard userId={user.id} hasPasskeys={(await listPasskeys(user.id)).length > 0} />}
    </div>
  );
}

async function RecoveryCodesCard({ userId, hasPasskeys }: { userId: string; hasPasskeys: boolean }) {
  const [unused, t] = await Promise.all([countUnusedRecoveryCodes(userId), getTranslations("twoFactor")]);
  return (
    <Card title={t("recoveryCodes")}>
      <div className="flex flex-col gap-3">
        <p className="text-sm text-slate-700">{t("unusedCodes", { count: unused })}</p>
        <ReplaceRecoveryCodes hasPasskeys={hasPasskeys} text={await replaceRecoveryCodesText()} />
      </div>
    </Card>
  );
}
