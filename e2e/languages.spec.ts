// Languages (issue 16 part 2, decision 027): the switcher's cookie, Accept-Language, right to left for Arabic, and
// translated pages with no English left. The other specs run in English, the default, and select by English text.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signUp } from "./fixtures/account";
import { portalClient } from "@/test/portal-client";
import { expectNoEnglish } from "./fixtures/untranslated";

test("the switcher turns the site Spanish and the choice stays, signed in and out", async ({ page, context }) => {
  await signUp(page);
  await page.goto("/wallet");
  await page.getByLabel("Language").selectOption("es");
  await page.getByRole("button", { name: "Change language" }).click();

  await expect(page).toHaveURL(/\/wallet$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Billetera de demostración");
  expect((await context.cookies()).find((cookie) => cookie.name === "locale")?.value).toBe("es");
  await expectNoEnglish(page);

  for (const path of ["/", "/forgot-password"]) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expectNoEnglish(page);
  }

  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Iniciar sesión" })).toBeVisible();
  await expect(page.getByText(/^Cerraste sesión\./)).toBeVisible();
  await expectNoEnglish(page);
  await page.goto("/sign-up");
  await expect(page.getByRole("button", { name: "Crear cuenta" })).toBeVisible();
  await expectNoEnglish(page);
});

test("Accept-Language picks Arabic, right to left and accessible; the switcher works without JavaScript", async ({
  browser,
}) => {
  // Playwright's locale is what Chromium sends as Accept-Language (q-values: lib/i18n/negotiate-locale.test.ts).
  const arabic = await browser.newContext({ locale: "ar-EG" });
  const page = await arabic.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("تسجيل الدخول");
  await expect(page.getByRole("button", { name: "تسجيل الدخول بمفتاح مرور" })).toBeEnabled();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await arabic.close();

  // A plain form post, no script: the cookie now outranks the browser's Arabic.
  const noScript = await browser.newContext({ locale: "ar-EG", javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/sign-in");
  await plain.getByLabel("اللغة").selectOption("zh");
  await plain.getByRole("button", { name: "تغيير اللغة" }).click();
  await expect(plain.locator("html")).toHaveAttribute("lang", "zh");
  await expect(plain.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(plain.getByRole("button", { name: "使用通行密钥登录" })).toBeVisible();
  await noScript.close();
});

test("the language action keeps only a language we have, from a form, and sends back only to this site", async ({
  baseURL,
}) => {
  const client = portalClient(baseURL!);
  const file = "lib/i18n/set-locale-action.ts";
  for (const args of [["es"], [null], [{ locale: "es" }], []]) {
    const answer = await client.call("/", file, "setLocaleAction", args);
    expect(answer.status, JSON.stringify(args)).toBeLessThan(500);
    expect(answer.setCookies.join(), JSON.stringify(args)).not.toMatch(/\blocale=/);
  }
  const unknown = await client.callWithForm("/", file, "setLocaleAction", { locale: "fr" }, { plain: true });
  expect(unknown.setCookies.join()).not.toMatch(/\blocale=/);

  const chosen = await client.callWithForm(
    "/",
    file,
    "setLocaleAction",
    { locale: "ar" },
    { plain: true, headers: { Referer: `${baseURL}//evil.example/wallet` } },
  );
  expect(chosen.status).toBeLessThan(500);
  expect(chosen.setCookies.join()).toMatch(/\blocale=ar;/);
  // Back to "/" rather than to "//evil.example/…", which a browser reads as another host.
  expect(chosen.redirect).toMatch(/^\/(?![/\\])/);
  expect(chosen.redirect).not.toMatch(/evil/);
});
