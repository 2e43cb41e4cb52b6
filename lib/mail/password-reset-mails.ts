// The two mails "Forgot password?" sends: a code to the owner of an account, a note to an address that has none.
// In the language of the request that caused them (the reset action passes its translator).
import type { Translator } from "@/lib/i18n/translator";
import type { Mail } from "./mail";

export function passwordResetCodeMail(t: Translator<"mail">, to: string, code: string, validMinutes: number): Mail {
  return {
    to,
    subject: t("resetCode.subject"),
    text: [
      t("resetCode.intro"),
      "",
      `    ${code}`,
      "",
      t("resetCode.howToUse", { minutes: validMinutes }),
      t("resetCode.secondFactor"),
      t("resetCode.afterReset"),
      "",
      t("resetCode.notYou"),
    ].join("\n"),
  };
}

export function noAccountResetMail(t: Translator<"mail">, to: string, origin: string): Mail {
  return {
    to,
    subject: t("noAccountReset.subject"),
    text: [
      t("noAccountReset.what"),
      "",
      t("noAccountReset.tryAgain", { signUp: `${origin}/sign-up` }),
      "",
      t("noAccountReset.notYou"),
    ].join("\n"),
  };
}
