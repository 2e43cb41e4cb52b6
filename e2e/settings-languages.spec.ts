// The account's settings pages in the person's language (issue 16 part 2): two-factor set-up, password and the activity
// log — every event, what the browser saw, failed sign-ins and their dates — in Spanish with no English left, and the
// activity log in Arabic right to left and accessible. The wallet, which takes a passkey, is checked on the way. The steps between run in English, which the fixtures speak.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@passkey-lab/kit/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { addPasskey, PASSWORD, signUp, stepUpWithTotp, TotpApp } from "./fixtures/account";
import { expectNoEnglish } from "./fixtures/untranslated";

const useLocale = (context: BrowserContext, baseURL: string, locale: "en" | "es" | "ar") =>
  context.addCookies([{ name: "locale", value: locale, url: baseURL }]);

/**
 * Random codes (a TOTP key, recovery codes) may hold "ON" or "IS" by chance, and a stored passkey name made in English
 * ("Passkey on Chrome 159 on Windows 10", lib/webauthn/registration.ts) is the passkey's name, not the page's words:
 * neither is checked as words.
 */
async function expectNoEnglishBeside(page: Page, names: string[] = []) {
  await page
    .locator("[data-testid=totp-manual-key], ul[aria-label='Códigos de recuperación'] li")
    .evaluateAll((codes) => codes.forEach((code) => (code.textContent = "")));
  await page.locator("main").evaluate((main, kept) => {
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      for (const name of kept) node.textContent = node.textContent!.replaceAll(name, "");
  }, names);
  await expectNoEnglish(page);
}

test("two-factor set-up, password and activity read in Spanish, dates too; the activity log in Arabic is right to left and accessible", async ({
  page,
  context,
  baseURL,
  authenticator,
}) => {
  void authenticator;
  const email = await signUp(page);

  await useLocale(context, baseURL!, "es");
  await page.goto("/account/two-factor");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Autenticación en dos pasos");
  await page.getByRole("button", { name: "Configurar la app de autenticación" }).click();
  const key = page.getByTestId("totp-manual-key");
  await expect(page.getByText(/^Clave: /)).toBeVisible();
  const totp = new TotpApp(await key.innerText());
  await expectNoEnglishBeside(page);
  await page.getByLabel("Código de 6 dígitos").fill(await totp.code());
  await page.getByLabel("Contraseña actual").fill(PASSWORD);
  await page.getByRole("button", { name: "Activar la autenticación en dos pasos" }).click();
  await expect(page.getByText("La autenticación en dos pasos está activada.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Códigos de recuperación" }).getByRole("listitem")).toHaveCount(10);
  await expectNoEnglishBeside(page);

  // A passkey, a failed sign-in and a passkey sign-in, in English: the log then holds each kind of line.
  await useLocale(context, baseURL!, "en");
  await addPasskey(page, "This device", stepUpWithTotp(page, totp));
  const added = await page.getByText(/^Passkey “.*” added\.$/).innerText();
  const passkeyName = added.slice(added.indexOf("“") + 1, added.lastIndexOf("”"));
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(`not ${PASSWORD}`);
  await page.getByRole("button", { name: "Sign in with password" }).click();
  await expect(page.getByText("User not found or password invalid", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  await useLocale(context, baseURL!, "es");
  await page.goto("/account/password");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contraseña");
  await expect(page.getByLabel("Contraseña nueva")).toBeVisible();
  await expectNoEnglish(page);

  await page.goto("/wallet");
  await expectNoEnglish(page);

  await page.goto("/account/activity");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Actividad");
  const log = page.getByRole("table", { name: "Actividad de la cuenta" });
  await expect(log.getByRole("row").filter({ hasText: "Sesión iniciada con una llave de acceso" })).toContainText(
    "primero el correo, luego la llave de acceso",
  );
  await expect(log.getByRole("row").filter({ hasText: "Llave de acceso añadida" })).toHaveCount(1);
  await expect(page.getByRole("list", { name: "Solicitudes de llave de acceso en tu navegador" })).toContainText(
    "Tu navegador completó un inicio de sesión con llave de acceso",
  );
  await expect(page.getByRole("list", { name: "Inicios de sesión fallidos" })).toContainText(
    "1 × contraseña incorrecta",
  );
  // Dates in Spanish, in the browser's time zone: "7 dic 2026, 13:05".
  const dates = page.locator("main time");
  await expect(dates.first()).toHaveText(/^\d{1,2} [a-z]{3,4}\.? \d{4}, \d{1,2}:\d{2}$/);
  for (const date of await dates.allInnerTexts()) expect(date).not.toMatch(/UTC|[A-Z][a-z]{2} \d/);
  await expectNoEnglishBeside(page, [passkeyName]);

  await useLocale(context, baseURL!, "ar");
  await page.goto("/account/activity");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("النشاط");
  await expect(page.getByRole("cell", { name: "تسجيل الدخول بمفتاح مرور", exact: true })).toHaveCount(1);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
