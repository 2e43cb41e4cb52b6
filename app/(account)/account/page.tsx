import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MetadataBlobNote } from "@/components/authenticator-metadata";
import { Badge, Card } from "@/components/ui";
import { requirePageSession } from "@/lib/auth/session";
import { hasTotp } from "@/lib/auth/totp";
import { readAuthenticatorMetadata } from "@/lib/mds/authenticator-metadata";
import { passkeyInWords } from "@/lib/webauthn/passkey-words";
import { listPasskeys } from "@/lib/webauthn/passkeys";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { automaticUpgradeText, passkeysPanelText } from "./account-text";
import { AutomaticUpgradeSetting } from "./automatic-upgrade-setting";
import { PasskeyNoteCard } from "./passkey-note-card";
import { PasskeysPanel } from "./passkeys-panel";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const { user } = await requirePageSession();
  const [totpOn, passkeys, metadata] = await Promise.all([
    hasTotp(user.id),
    listPasskeys(user.id),
    readAuthenticatorMetadata(),
  ]);
  const hasPassword = user.passwordHash !== null;
  const [t, common, passkeyWords, locale] = await Promise.all([
    getTranslations("account"),
    getTranslations("common"),
    getTranslations("passkeys"),
    getLocale(),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{user.email}</p>
        </div>
      </div>

      <Card title={t("signInMethods")}>
        <ul className="flex flex-col gap-3 text-sm">
          <li className="flex flex-wrap items-center justify-between gap-2">
            <span>
              {common("fields.password")}{" "}
              {hasPassword ? <Badge tone="good">{t("passwordSet")}</Badge> : <Badge>{t("passwordRemoved")}</Badge>}
            </span>
            <Link href="/account/password" className="text-brand-700 underline">
              {hasPassword ? t("changeOrRemove") : t("details")}
            </Link>
          </li>
          <li className="flex flex-wrap items-center justify-between gap-2">
            <span>
              {t("twoFactor")} {totpOn ? <Badge tone="good">{t("on")}</Badge> : <Badge tone="warn">{t("off")}</Badge>}
            </span>
            <Link href="/account/two-factor" className="text-brand-700 underline">
              {totpOn ? t("details") : t("turnOn")}
            </Link>
          </li>
          {totpOn && hasPassword && (
            <AutomaticUpgradeSetting on={user.automaticPasskeyUpgrade} text={await automaticUpgradeText()} />
          )}
          <li className="flex flex-wrap items-center justify-between gap-2">
            <span>
              {t("passkeys")}{" "}
              <Badge tone={passkeys.length > 0 ? "good" : "neutral"}>
                {t("passkeyCount", { count: passkeys.length })}
              </Badge>
            </span>
            <Link href="/account/activity" className="text-brand-700 underline">
              {t("activityLog")}
            </Link>
          </li>
        </ul>
      </Card>

      <Card title={t("passkeys")} id="passkeys">
        <PasskeysPanel
          passkeys={passkeys.map((passkey) => passkeyInWords(passkey, passkeyWords))}
          hasTotp={totpOn}
          account={{ rpId: relyingParty.id, webauthnUserId: user.webauthnUserId, email: user.email }}
          text={await passkeysPanelText()}
          locale={locale}
        />
        <MetadataBlobNote blob={metadata.blob} t={passkeyWords} />
      </Card>

      <PasskeyNoteCard userId={user.id} hasPasskeys={passkeys.length > 0} />
    </div>
  );
}
