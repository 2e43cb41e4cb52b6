// The conformance page runs the whole suite against this server, shows results as they arrive, and keeps the run: it
// appears in this browser's list of recent runs and opens on its own page.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("running the suite from the web shows every case arrive, none fails, and the run is kept", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await page.goto("/conformance");
  await page.getByRole("button", { name: "Run the suite" }).click();
  const summary = page.getByTestId("suite-summary");
  await expect(summary).toContainText(/finished in/, { timeout: 150_000 });
  await expect(summary).toContainText(/(\d+) of \1 cases/);
  await expect(summary).toContainText("· 0 failed ·");
  await expect(page.getByRole("list", { name: "Failed cases" })).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const counts = /(\d+) of \1 cases · (\d+) passed · 0 failed · (\d+) skipped/.exec((await summary.textContent()) ?? "");
  expect(counts).not.toBeNull();

  // Kept: the list of this browser's runs shows it, newest first, and its page shows the same counts.
  const newest = page.getByRole("table", { name: "Recent runs" }).getByRole("row").nth(1);
  await expect(newest).toContainText(`${baseURL}/fido`);
  await expect(newest).toContainText("Finished");
  await expect(newest.getByRole("cell").nth(3)).toHaveText(counts![2]);
  await page.getByRole("link", { name: "this run's page" }).click();
  await expect(page.getByRole("heading", { name: "Conformance run" })).toBeVisible();
  await expect(page.getByTestId("run-summary")).toHaveText(`${counts![1]} cases · ${counts![2]} passed · 0 failed · ${counts![3]} skipped`);
  await expect(page.getByText("Finished", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Failed cases" })).toHaveCount(0);
});
