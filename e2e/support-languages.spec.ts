// The support console in the staff member's language (issue 16 part 2): the console and an account view in Spanish
// with no English left, and in Arabic right to left and accessible. Staff open the console in English (the fixture
// reads English names); the locale cookie then turns the same open console into their language.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { supportStaff } from "./fixtures/support";
import { expectNoEnglish } from "./fixtures/untranslated";

async function lookUp(page: Page, field: string, button: string, email: string) {
  await page.getByLabel(field).fill(email);
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByRole("heading", { name: email })).toBeVisible();
}

test("staff read the console and an account in Spanish; in Arabic it reads right to left and passes axe", async ({
  page,
  context,
  baseURL,
}) => {
  const { email } = await supportStaff(page);

  await context.addCookies([{ name: "locale", value: "es", url: baseURL! }]);
  await page.goto("/support");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consola de soporte");
  await expect(page.getByRole("heading", { name: "Abrir un informe" })).toBeVisible();
  await expectNoEnglish(page);
  // Its own account: a password, TOTP, one passkey and the console's own step-up in the activity.
  await lookUp(page, "Correo electrónico", "Buscar", email);
  await expect(page.getByText("1 llave de acceso", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Actividad reciente" }).getByRole("listitem").first()).toBeVisible();
  await expectNoEnglish(page);

  await context.addCookies([{ name: "locale", value: "ar", url: baseURL! }]);
  await page.goto("/support");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("وحدة تحكم الدعم");
  await lookUp(page, "البريد الإلكتروني", "ابحث", email);
  await expect(page.getByText("مفتاح مرور واحد", { exact: true })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
