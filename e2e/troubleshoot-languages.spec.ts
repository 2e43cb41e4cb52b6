// The wizard in the person's language, and a report read in the reader's (issue 16 part 2, docs/decisions/028): a
// Spanish page with no English left, the Arabic one right to left and accessible, and a report
// saved in Chinese that an English-speaking staff member reads in English, told which language the person used.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { VirtualAuthenticator } from "@passkey-lab/kit/playwright";
import { supportStaff } from "./fixtures/support";
import { expectNoEnglish } from "./fixtures/untranslated";

async function wizardIn(browser: Browser, locale: string, baseURL: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies([{ name: "locale", value: locale, url: baseURL }]);
  const page = await context.newPage();
  await VirtualAuthenticator.attach(page);
  await page.goto("/troubleshoot");
  await expect(page.getByTestId("platform")).toBeVisible();
  return page;
}

/** Picks the security-key path, answers "no PIN", and waits for the steps; then runs the live test to its end. */
async function walkThrough(page: Page, words: { summary: string; symptom: string; no: string; run: string }) {
  await page.getByText(words.summary).click();
  await page.getByRole("radio", { name: words.symptom }).check();
  await page.getByRole("radio", { name: words.no, exact: true }).check();
  await expect(page.locator("ol").filter({ hasText: "FIDO2" })).toBeVisible();
  await page.getByRole("button", { name: words.run }).click();
}

test("the wizard in Spanish and Arabic, and a Chinese report read by English-speaking support", async ({
  browser,
  baseURL,
}) => {
  const spanish = await wizardIn(browser, "es", baseURL!);
  await walkThrough(spanish, {
    summary: "Elige lo que ves",
    symptom: "Mi llave de seguridad no funciona",
    no: "No",
    run: "Hacer la prueba real",
  });
  const results = spanish.getByRole("list", { name: "Resultados de la prueba real" });
  await expect(results).toContainText("Iniciar sesión con ella: Iniciar sesión con la llave de acceso funciona");
  await expect(spanish.getByRole("heading", { level: 1 })).toHaveText("Resolver problemas con llaves de acceso");
  // The whole page, the checks' findings and fixes included; only their technical evidence for staff stays English.
  await expectNoEnglish(spanish, { except: "[data-evidence]" });
  await spanish.context().close();

  const arabic = await wizardIn(browser, "ar", baseURL!);
  await expect(arabic.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(arabic.getByRole("heading", { level: 1 })).toHaveText("حل مشكلات مفاتيح المرور");
  expect((await new AxeBuilder({ page: arabic }).analyze()).violations).toEqual([]);
  await arabic.context().close();

  const chinese = await wizardIn(browser, "zh", baseURL!);
  await walkThrough(chinese, {
    summary: "选择你遇到的情况",
    symptom: "我的安全密钥用不了",
    no: "否",
    run: "开始实际测试",
  });
  await expect(chinese.getByRole("list", { name: "实际测试结果" }).getByRole("listitem")).toHaveCount(2);
  await chinese.getByRole("button", { name: "保存报告" }).click();
  const code = (await chinese.getByTestId("saved-code").innerText()).trim();
  await chinese.context().close();

  // Support reads it in English: the findings judged again from the stored facts, the person's language named.
  const staff = await browser.newPage();
  await supportStaff(staff);
  await staff.getByLabel("Report code").fill(code);
  await staff.getByRole("button", { name: "Open report" }).click();
  await expect(staff.getByText("The person used the wizard in Chinese (简体中文).")).toBeVisible();
  await expect(staff.getByRole("heading", { name: "Problem described: My security key does not work" })).toBeVisible();
  const checks = staff.getByRole("region", { name: "Automatic checks" });
  await expect(checks).toContainText("Secure");
  await expect(checks).not.toContainText(/[\u4e00-\u9fff]/);
  await expect(staff.getByRole("region", { name: "Live test" })).toContainText(
    "Signing in with it: Signing in with the passkey works",
  );
});
