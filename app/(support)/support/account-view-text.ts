import "server-only";
// The account view's words, in the staff member's language (the request's), built on the server and handed to the
// client view with the account (decision 027). A date the browser shows in its own time zone is left as a slot.
import { getTranslations } from "next-intl/server";
import { slot } from "@/lib/i18n/fill-in";
import { blobInWords, trustInWords } from "@/lib/mds/trust-words";
import type { AccountForSupport } from "@/lib/support/account-lookup";
import type { AccountViewText } from "./account-view";

/** For one account: its counts decide the plurals, so the look-up action builds these with the account. */
export async function accountViewText(account: AccountForSupport): Promise<AccountViewText> {
  const [t, passkeyWords] = await Promise.all([getTranslations("support"), getTranslations("passkeys")]);
  return {
    // What the FIDO metadata says of each passkey's model, and which BLOB said it, in the same words as the account page.
    metadata: Object.fromEntries(
      account.passkeys.map((passkey) => [passkey.id, passkey.metadata && trustInWords(passkey.metadata, passkeyWords)]),
    ),
    noCertification: passkeyWords("noCertification"),
    metadataBlob: blobInWords(account.metadataBlob, passkeyWords),
    methods: t("account.methods"),
    password: account.hasPassword ? t("account.passwordSet") : t("account.passwordless"),
    totp: account.hasTotp ? t("account.totpOn") : t("account.totpOff"),
    passkeyCount: t("account.passkeyCount", { count: account.passkeys.length }),
    locked: t("account.locked"),
    lockedNote: t("account.lockedNote", { until: slot("until"), browsers: account.trustedDevices }),
    passkeys: t("account.passkeys"),
    none: t("account.none"),
    storage: {
      synced: t("account.synced"),
      "sync-eligible": t("account.syncEligible"),
      "device-bound": t("account.deviceBound"),
    },
    noTransports: t("account.noTransports"),
    created: t("account.created", { date: slot("date") }),
    lastUsed: t("account.lastUsed", { date: slot("date") }),
    neverUsed: t("account.neverUsed"),
    failedSignIns: t("account.failedSignIns"),
    activityTitle: t("account.activityTitle"),
    activity: t("account.activity"),
  };
}
