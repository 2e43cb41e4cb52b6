// The conformance page runs the whole suite against this server and shows results as they arrive.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("running the suite from the web shows every case arrive, and none fails", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/conformance");
  await page.getByRole("button", { name: "Run the suite" }).click();
  const summary = page.getByTestId("suite-summary");
  await expect(summary).toContainText(/finished in/, { timeout: 150_000 });
  await expect(summary).toContainText(/(\d+) of \1 cases/);
  await expect(summary).toContainText("· 0 failed ·");
  await expect(page.getByRole("list", { name: "Failed cases" })).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
