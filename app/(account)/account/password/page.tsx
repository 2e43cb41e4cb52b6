import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { requirePageSession } from "@/lib/auth/session";
import { hasTotp } from "@/lib/auth/totp";
import { stepUpText } from "@/lib/i18n/step-up-text";
import { listPasskeys } from "@/lib/webauthn/passkeys";
import { PasswordForms, type PasswordFormsText } from "./password-forms";

export async function generateMetadata() {
  return { title: (await getTranslations("passwordSettings"))("title") };
}

export default async function PasswordPage() {
  const { user } = await requirePageSession();
  const [totpOn, passkeys, t] = await Promise.all([
    hasTotp(user.id),
    listPasskeys(user.id),
    getTranslations("passwordSettings"),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/account" className="text-sm text-brand-700 underline">
          {t("backToAccount")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
      </div>
      {user.passwordHash ? (
        <PasswordForms hasTotp={totpOn} passkeyCount={passkeys.length} text={await passwordFormsText()} />
      ) : (
        <Card title={t("passwordless")}>
          <p className="text-sm text-slate-700">{t("passwordlessBody")}</p>
        </Card>
      )}
    </div>
  );
}

async function passwordFormsText(): Promise<PasswordFormsText> {
  const t = await getTranslations("passwordSettings");
  return {
    changeTitle: t("change.title"),
    current: t("change.current"),
    new: t("change.new"),
    hint: t("change.hint", { min: PASSWORD_MIN_LENGTH }),
    change: t("change.submit"),
    changed: t("change.done"),
    removeTitle: t("remove.title"),
    removeBody: t("remove.body"),
    addPasskeyFirst: t("remove.addPasskeyFirst"),
    remove: t("remove.submit"),
    stepUp: await stepUpText(),
  };
}
