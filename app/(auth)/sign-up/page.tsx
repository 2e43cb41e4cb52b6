import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentSession } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { slot } from "@/lib/i18n/fill-in";
import { SignUpForm, type MailHint, type SignUpFormText } from "./sign-up-form";

export async function generateMetadata() {
  return { title: (await getTranslations("signUp"))("title") };
}

export default async function SignUpPage() {
  if (await currentSession()) redirect("/account");
  const t = await getTranslations("signUp");
  const mailHint: MailHint = env.SMTP_URL ? "inbox" : env.NODE_ENV === "development" ? "outbox-page" : "terminal";
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("intro")}
          {mailHint !== "inbox" && ` ${t("noMail")}`}
        </p>
      </div>
      <SignUpForm text={await signUpFormText(mailHint)} />
      <p className="text-sm text-slate-600">
        {t.rich("haveAccount", {
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

async function signUpFormText(mailHint: MailHint): Promise<SignUpFormText> {
  const [t, common, secondFactor] = await Promise.all([
    getTranslations("signUpForm"),
    getTranslations("common"),
    getTranslations("secondFactor"),
  ]);
  const outboxLink = (chunks: React.ReactNode) => (
    <a href="/dev/outbox" target="_blank" className="font-medium text-brand-700 underline">
      {chunks}
    </a>
  );
  return {
    email: common("fields.email"),
    password: common("fields.password"),
    passwordHint: t("passwordHint", { min: PASSWORD_MIN_LENGTH }),
    create: t("create"),
    checkEmail: t("checkEmail"),
    codeSent: t("codeSent", { email: slot("email") }),
    mailNote:
      mailHint === "inbox"
        ? undefined
        : mailHint === "outbox-page"
          ? t.rich("mailInTerminalAndOutbox", { link: outboxLink })
          : t("mailInTerminal"),
    emailCode: common("fields.emailCode"),
    verifyAndCreate: t("verifyAndCreate"),
    startOver: secondFactor("startOver"),
  };
}
