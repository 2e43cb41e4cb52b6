// The signed-in person's passkeys and where each lives, to answer "why is my passkey not on this device". A server
// component: the wizard shows it as it is; only the day a passkey was last used comes from LocalTime (the site's one
// date format, in the person's locale).
import { getLocale, getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import { Card } from "@/components/ui";
import { describeProvider } from "@/lib/compat/providers";
import { listPasskeys } from "@/lib/webauthn/passkeys";

export async function YourPasskeys({ userId }: { userId: string }) {
  const [t, locale] = await Promise.all([getTranslations("wizard"), getLocale()]);
  const passkeys = (await listPasskeys(userId)).map((view) => {
    const provider = describeProvider(
      view.aaguid,
      { backupEligible: view.storage !== "device-bound", backedUp: view.storage === "synced" },
      view.transports,
    );
    return {
      id: view.id,
      label: view.label,
      provider: provider.name,
      // The message's select names it "eligible" (ICU selectors are plain words).
      storage: view.storage === "sync-eligible" ? "eligible" : view.storage,
      lastUsedAt: view.lastUsedAt,
      lastUsedWith: view.lastUsedWith,
      whyNotHere: provider.whyNotOnThisDevice,
      fakesUserVerification: provider.fakesUserVerification,
    };
  });
  return (
    <Card title={t("yourPasskeys")}>
      {passkeys.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noPasskeys")}</p>
      ) : (
        <ul aria-label={t("passkeyListLabel")} className="flex flex-col divide-y divide-slate-100 text-sm">
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="flex flex-col gap-1 py-2">
              <span className="font-medium">
                {passkey.lastUsedAt
                  ? t.rich("passkeyLine", {
                      label: passkey.label,
                      provider: passkey.provider,
                      storage: passkey.storage,
                      with: passkey.lastUsedWith ?? "",
                      date: () => <LocalTime date={passkey.lastUsedAt!} show="date" locale={locale} />,
                    })
                  : t("passkeyLineNeverUsed", {
                      label: passkey.label,
                      provider: passkey.provider,
                      storage: passkey.storage,
                    })}
              </span>
              <span className="text-slate-700">{passkey.whyNotHere}</span>
              {passkey.fakesUserVerification && <span className="text-amber-900">{t("fakesUserVerification")}</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
