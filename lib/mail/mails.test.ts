// Mail goes out in the language of the request that caused it: the same lines in English as before, whole sentences
// in Spanish, Chinese and Arabic, the code and the links as they are.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import zh from "@/messages/zh.json";
import type { Locale } from "@/lib/i18n/locales";
import { noAccountResetMail, passwordResetCodeMail } from "./password-reset-mails";
import { existingAccountNoticeMail, signUpCodeMail } from "./sign-up-mails";

const messages = { en, es, zh, ar } as const;
const mailIn = (locale: Locale) => createTranslator({ locale, messages: messages[locale], namespace: "mail" });
const ORIGIN = "https://lab.test";

const everyMail = (locale: Locale) => [
  signUpCodeMail(mailIn(locale), "a@test.example", "123456", 15),
  existingAccountNoticeMail(mailIn(locale), "a@test.example", ORIGIN),
  passwordResetCodeMail(mailIn(locale), "a@test.example", "654321", 15),
  noAccountResetMail(mailIn(locale), "a@test.example", ORIGIN),
];

describe("mail in the person's language", () => {
  it("keeps the English sign-up code mail as it was", () => {
    expect(signUpCodeMail(mailIn("en"), "a@test.example", "123456", 15)).toEqual({
      to: "a@test.example",
      subject: "Your Passkey Lab sign-up code",
      text: [
        "Your code to finish creating your Passkey Lab account:",
        "",
        "    123456",
        "",
        "Enter it on the sign-up page, in the browser where you started. It works once, for 15 minutes.",
        "",
        "If you did not ask for it, ignore this mail: no account is created without the code.",
      ].join("\n"),
    });
  });

  it("writes the sign-up code mail in Spanish, the code on its own line", () => {
    const mail = signUpCodeMail(mailIn("es"), "a@test.example", "123456", 15);
    expect(mail.subject).toBe("Tu código de registro de Passkey Lab");
    expect(mail.text).toMatch(/^\s+123456$/m);
    expect(mail.text).toContain("Sirve una vez, durante 15 minutos.");
    expect(mail.text).not.toMatch(/\b(the|your|code|mail)\b/i);
  });

  it("writes the reset mails in Spanish with their links", () => {
    const [, notice, reset, noAccount] = everyMail("es");
    expect(reset!.subject).toBe("Tu código para restablecer la contraseña de Passkey Lab");
    expect(reset!.text).toMatch(/^\s+654321$/m);
    expect(notice!.text).toContain(`inicia sesión en ${ORIGIN}/sign-in`);
    expect(notice!.text).toContain(`${ORIGIN}/troubleshoot`);
    expect(noAccount!.text).toContain(`Para crear una cuenta: ${ORIGIN}/sign-up`);
  });

  it("fills in every value in every language", () => {
    for (const locale of ["en", "es", "zh", "ar"] as const) {
      for (const mail of everyMail(locale)) {
        expect(`${mail.subject}\n${mail.text}`, locale).not.toMatch(/[{}]/);
        expect(mail.subject, locale).toMatch(/\S/);
      }
    }
  });
});
