import "server-only";
// The two-factor page's client parts get their words from here, translated on the server (decision 027).
import { getTranslations } from "next-intl/server";
import { slot } from "@/lib/i18n/fill-in";
import { stepUpText } from "@/lib/i18n/step-up-text";
import type { RecoveryCodeListText } from "./recovery-code-list";
import type { ReplaceRecoveryCodesText } from "./replace-recovery-codes";
import type { TotpSetupText } from "./totp-setup";

async function recoveryCodeListText(): Promise<RecoveryCodeListText> {
  const t = await getTranslations("twoFactor");
  return {
    save: t("codes.save"),
    list: t("recoveryCodes"),
    copy: t("codes.copy"),
    download: t("codes.download"),
    saved: t("codes.saved"),
  };
}

export async function totpSetupText(): Promise<TotpSetupText> {
  const t = await getTranslations("twoFactor");
  return {
    intro: t("setup.intro"),
    start: t("setup.start"),
    scan: t("setup.scan"),
    enterCode: t("setup.enterCode"),
    qrAlt: t("setup.qrAlt"),
    manualKey: t("setup.manualKey", { key: slot("key") }),
    code: t("setup.code"),
    codeHint: t("setup.codeHint"),
    currentPassword: t("setup.currentPassword"),
    turnOn: t("setup.turnOn"),
    done: t("setup.done"),
    codes: await recoveryCodeListText(),
  };
}

export async function replaceRecoveryCodesText(): Promise<ReplaceRecoveryCodesText> {
  const t = await getTranslations("twoFactor");
  return {
    confirmTitle: t("replace.confirmTitle"),
    confirmBody: t("replace.confirmBody"),
    confirm: t("replace.confirm"),
    done: t("replace.done"),
    button: t("replace.button"),
    codes: await recoveryCodeListText(),
    stepUp: await stepUpText(),
  };
}
