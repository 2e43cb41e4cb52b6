// The two mails a sign-up sends: a code to a new address, a notice to the owner of an address that has an account.
// In the language of the request that caused them (the sign-up action passes its translator).
import type { Translator } from "@/lib/i18n/translator";
import type { Mail } from "./mail";

export function signUpCodeMail(t: Translator<"mail">, to: string, code: string, validMinutes: number): Mail {
  return {
    to,
    subject: t("signUpCode.subject"),
    text: [
      t("signUpCode.intro"),
      "",
      `    ${code}`,
      "",
      t("signUpCode.howToUse", { minutes: validMinutes }),
      "",
      t("signUpCode.notYou"),
    ].join("\n"),
  };
}

export function existingAccountNoticeMail(t: Translator<"mail">, to: string, origin: string): Mail {
  return {
    to,
    subject: t("existingAccount.subject"),
    text: [
      t("existingAccount.what"),
      "",
      t("existingAccount.ifYou", { signIn: `${origin}/sign-in`, troubleshoot: `${origin}/troubleshoot` }),
      "",
      t("existingAccount.notYou"),
    ].join("\n"),
  };
}
