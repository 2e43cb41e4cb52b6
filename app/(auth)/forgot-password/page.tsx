import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PASSWORD_RESET_TTL_MS } from "@/lib/auth/password-reset";
import { env } from "@/lib/env";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { slot } from "@/lib/i18n/fill-in";
import { secondFactorText } from "@/lib/i18n/second-factor-text";
import { ResetForm, type ResetFormText } from "./reset-form";

export async function generateMetadata() {
  return { title: (await getTranslations("forgotPassword"))("title") };
}

/** Open to everyone, signed in or not: someone signed in elsewhere may have forgotten the password all the same. */
export default async function ForgotPasswordPage() {
  const t = await getTranslations("forgotPassword");
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro", { minutes: PASSWORD_RESET_TTL_MS / 60_000 })}</p>
      </div>
      <ResetForm mailHint={env.SMTP_URL ? "inbox" : "terminal"} text={await resetFormText()} />
      <p className="text-sm text-slate-600">
        {t.rich("havePasskey", {
          link: (chunks) => (
            <Link href="/sign-in" className="font-medium text-brand-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}

async function resetFormText(): Promise<ResetFormText> {
  const [locale, t, common, secondFactor] = await Promise.all([
    getLocale(),
    getTranslations("resetForm"),
    getTranslations("common"),
    secondFactorText(),
  ]);
  return {
    locale,
    email: common("fields.email"),
    title: t("title"),
    sendCode: t("sendCode"),
    checkEmail: t("checkEmail"),
    continue: t("continue"),
    codeSent: t("codeSent", { email: slot("email") }),
    mailInTerminal: t("mailInTerminal"),
    emailCode: common("fields.emailCode"),
    chooseNew: t("chooseNew"),
    setNew: t("setNew"),
    newPassword: t("newPassword"),
    newPasswordHint: t("newPasswordHint", { min: PASSWORD_MIN_LENGTH }),
    secondFactorNeeded: t("secondFactorNeeded"),
    doneTitle: t("doneTitle"),
    doneSignedIn: t("doneSignedIn"),
    withdrawalsHeld: t("withdrawalsHeld", { time: slot("time") }),
    goToAccount: common("goToAccount"),
    startAgain: t("startAgain"),
    secondFactor,
  };
}
