// Every public page loads without a failed request or a console error, and has an icon the browser can show.
import { expect, test } from "@playwright/test";

for (const path of ["/", "/sign-in", "/sign-up", "/troubleshoot", "/conformance", "/report-card", "/inspect"]) {
  test(`${path} loads with no failed request or console error, and shows the site icon`, async ({ page, request }) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(path, { waitUntil: "networkidle" });

    const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect(icon, "a <link rel=icon>").toBeTruthy();
    const served = await request.get(icon!);
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toContain("image/");
    expect(problems).toEqual([]);
  });
}

test("the report card's old address leads to its own", async ({ page }) => {
  const answer = await page.request.get("/conformance/client", { maxRedirects: 0 });
  expect(answer.status()).toBe(308);
  expect(answer.headers().location).toBe("/report-card");
  await page.goto("/conformance/client");
  await expect(page).toHaveURL(/\/report-card$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
