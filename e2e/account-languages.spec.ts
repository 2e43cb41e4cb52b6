// The account page in the person's language (issue 16 part 2, decision 027): in Arabic right to left, its headings,
// buttons, dialogs and dates in Arabic, and accessible; in Spanish, no English left. The passkey and two-factor are set
// up in English first (the fixtures select by English names), then the locale cookie switches the page.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator } from "@playwright/test";
import { signUpWithPasskey } from "./fixtures/account";
import { expectNoEnglish } from "./fixtures/untranslated";

/** The <time>'s text is its datetime as this browser's Intl writes it in `locale` (components/local-time.tsx). */
async function expectWrittenIn(time: Locator, locale: string): Promise<string> {
  const written = await time.evaluate(
    (element, locale) =>
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
        new Date(element.getAttribute("datetime")!),
      ),
    locale,
  );
  await expect(time).toHaveText(written);
  return written;
}

test("a person with two-factor and a passkey reads /account in Arabic, right to left, and in Spanish", async ({
  page,
  context,
  baseURL,
}) => {
  await signUpWithPasskey(page);
  await context.addCookies([{ name: "locale", value: "ar", url: baseURL! }]);
  await page.goto("/account");

  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page).toHaveTitle(/حسابك/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("حسابك");
  for (const heading of ["طرق تسجيل الدخول", "مفاتيح المرور", "ملاحظة لا يفتحها إلا مفتاح المرور الخاص بك"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "تعطيل الترقية التلقائية" })).toBeVisible();
  await expect(page.getByRole("button", { name: "إضافة مفتاح مرور" })).toBeEnabled();
  await expect(page.getByRole("radio", { name: "مفتاح أمان" })).toBeVisible();

  // The passkey card: its badges and words in Arabic, its date as the browser's Intl writes Arabic.
  const passkey = page.getByRole("list", { name: "مفاتيح المرور الخاصة بك" }).getByRole("listitem");
  await expect(passkey.getByText("مرتبط بالجهاز", { exact: true })).toBeVisible();
  await expect(passkey.getByText("هذا الجهاز", { exact: true })).toBeVisible();
  await expect(passkey.getByText(/ · Chrome \d+ على \w+/).first()).toBeVisible();
  expect(await expectWrittenIn(passkey.locator("time").first(), "ar")).toMatch(/[\u0600-\u06ff]/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Removing it asks twice, both in Arabic: the confirmation, then the step-up with its recovery-code path.
  await passkey.getByRole("button", { name: "إزالة Chromium virtual authenticator" }).click();
  await page
    .getByRole("dialog", { name: "إزالة «Chromium virtual authenticator»؟" })
    .getByRole("button", { name: "إزالة مفتاح المرور" })
    .click();
  const stepUp = page.getByRole("dialog", { name: "أكّد أنك أنت" });
  await expect(stepUp).toContainText("ولإزالة مفتاح المرور هذا فقط.");
  await stepUp.getByRole("button", { name: "فقدت هاتفك؟ استخدم رمز استرداد بدلًا من ذلك" }).click();
  await expect(stepUp.getByLabel("رمز الاسترداد")).toBeVisible();
  await expect(stepUp.getByRole("button", { name: "التأكيد برمز الاسترداد" })).toBeVisible();
  expect((await new AxeBuilder({ page }).include("dialog").analyze()).violations).toEqual([]);
  await stepUp.getByRole("button", { name: "إلغاء" }).click();
  await expect(page.getByText("أُلغي الإجراء: لم يتغيّر شيء.")).toBeVisible();
  await expect(passkey).toHaveCount(1);

  await context.addCookies([{ name: "locale", value: "es", url: baseURL! }]);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tu cuenta");
  await expectWrittenIn(
    page.getByRole("listitem", { name: "Chromium virtual authenticator" }).locator("time").first(),
    "es",
  );
  await expectNoEnglish(page);
});
