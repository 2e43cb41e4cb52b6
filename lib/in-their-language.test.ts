// A failure says its words in the person's language where it leaves the server, whatever code it has: every code has
// its own words in every locale, a call site's variant and its ICU values come through, and the code stays as it is.
import { createTranslator } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import zh from "@/messages/zh.json";
import { sayIn } from "./error-words";
import { ERRORS } from "./errors";
import type { Locale } from "./i18n/locales";
import type { Translator } from "./i18n/translator";
import { inTheirLanguage } from "./in-their-language";
import { fail, wordsOf, type ErrorCode } from "./result";

const messages = { en, es, zh, ar } as const;
const errorsIn = (locale: Locale) =>
  createTranslator({
    locale,
    messages: messages[locale],
    namespace: "errors",
    timeZone: "UTC",
  }) as Translator<"errors">;

// The request's language, as next-intl's request config would negotiate it (lib/i18n/request.ts).
let requestLocale: Locale = "en";
vi.mock("next-intl/server", () => ({ getTranslations: async () => errorsIn(requestLocale) }));
afterEach(() => {
  requestLocale = "en";
});

async function answeredIn<T>(locale: Locale, answer: T): Promise<T> {
  requestLocale = locale;
  return inTheirLanguage(answer);
}

describe("a failure in the person's language", () => {
  it("gives every code its own words in every locale, each its own translation", () => {
    const codes = Object.keys(ERRORS) as ErrorCode[];
    for (const code of codes) {
      const english = sayIn(errorsIn("en"), wordsOf({ code }));
      expect(english, code).toBe(fail(code).message);
      for (const locale of ["es", "zh", "ar"] as const) {
        const said = sayIn(errorsIn(locale), wordsOf({ code }));
        expect(said, `${locale} ${code}`).toMatch(/\S/);
        expect(said, `${locale} ${code}`).not.toBe(english);
      }
    }
  });

  it("says a wrong password in Spanish, Chinese and Arabic, the code unchanged", async () => {
    const failure = fail("auth:invalid-credentials");
    expect(failure.message).toBe("User not found or password invalid");
    expect(await answeredIn("es", failure)).toEqual({
      ok: false,
      code: "auth:invalid-credentials",
      message: "Usuario no encontrado o contraseña no válida",
    });
    expect((await answeredIn("zh", failure)).message).toBe("用户不存在或密码无效");
    expect((await answeredIn("ar", failure)).message).toBe("المستخدم غير موجود أو كلمة المرور غير صحيحة");
  });

  it("says a call site's variant with its values, plurals by the language's own rules, and drops `says`", async () => {
    const wrongCode = fail("sign-up:invalid-code", { key: "sign-up.wrong-code", values: { left: 2 } }, "detail");
    expect(wrongCode.message).toBe("That code didn't work. Use the code from the newest mail we sent; 2 tries left.");
    const inSpanish = await answeredIn("es", wrongCode);
    expect(inSpanish).toEqual({
      ok: false,
      code: "sign-up:invalid-code",
      message: "Ese código no ha funcionado. Usa el código del correo más reciente que te enviamos; quedan 2 intentos.",
      detail: "detail",
    });
    expect((await answeredIn("ar", wrongCode)).message).toContain("بقيت محاولتان");
    expect((await answeredIn("zh", wrongCode)).message).toContain("还剩 2 次机会");

    const held = fail("wallet:held", {
      key: "wallet.paused-until",
      values: { until: new Date("2026-12-08T05:42:00Z") },
    });
    expect(held.message).toContain("paused until Dec 8, 2026, 5:42 AM UTC");
    expect((await answeredIn("es", held)).message).toContain("8 dic 2026");
  });

  it("leaves an answer that is not a failure as it is, and English English", async () => {
    const answer = { ok: true, data: { pendingToken: "t" } };
    expect(await answeredIn("ar", answer)).toBe(answer);
    const session = fail("auth:session-required", "auth.session-ended");
    expect(await answeredIn("en", session)).toEqual({
      ok: false,
      code: "auth:session-required",
      message: "Your session has ended. Please sign in again.",
    });
  });
});
