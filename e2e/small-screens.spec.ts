// On a phone's width (390 px) no page scrolls sideways: long values wrap, and a table too wide for the screen scrolls
// inside a region the keyboard can reach. Plus what those pages say there: a fresh inspector error clears the old
// verdict, the wizard does not call a passkey on this device a security key, the activity log speaks in words.
import AxeBuilder from "@axe-core/playwright";
import { createClient } from "@libsql/client";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { PASSWORD, signOut, signUpWithPasskey } from "./fixtures/account";
import { SERVER_DATABASE_URL } from "./fixtures/server-database";

const WIDTH = 390;
test.use({ viewport: { width: WIDTH, height: 844 } });

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${new URL(page.url()).pathname} is ${width} px wide`).toBeLessThanOrEqual(WIDTH);
}

/** A region that scrolls sideways takes keyboard focus and moves with the arrow keys. */
async function expectKeyboardScrolls(region: Locator) {
  expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  await region.focus();
  await expect(region).toBeFocused();
  await region.press("ArrowRight");
  await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
}

const accessibilityViolations = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations;

test("/inspect fits a phone with every example's report, and an error clears the old verdict", async ({ page }) => {
  await page.goto("/inspect");
  const report = page.getByTestId("inspect-report");
  const alert = page.getByRole("region", { name: "Response and expectations" }).getByRole("alert");
  for (const example of ["Registration: a YubiKey", "Registration: a TPM", "Authentication: ES256"]) {
    await page.getByRole("button", { name: `Load an example: ${example}` }).click();
    await expect(report).toHaveCount(0);
    await page.getByRole("button", { name: "Inspect" }).click();
    await expect(page.getByTestId("inspect-verdict")).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
  await expect(page.getByTestId("inspect-verdict")).toHaveText("valid");
  expect(await accessibilityViolations(page)).toEqual([]);

  // Not JSON: the error replaces the valid report instead of sitting above it.
  await page.getByLabel(/Response JSON/).fill("{oops");
  await page.getByRole("button", { name: "Inspect" }).click();
  await expect(alert).toContainText("The response is not valid JSON");
  await expect(report).toHaveCount(0);

  // The same when the server cannot be reached.
  await page.getByRole("button", { name: "Load an example: Authentication: ES256" }).click();
  await page.getByRole("button", { name: "Inspect" }).click();
  await expect(page.getByTestId("inspect-verdict")).toHaveText("valid");
  await page.route("**/api/inspect", (route) => route.abort());
  await page.getByRole("button", { name: "Inspect" }).click();
  await expect(alert).toContainText("Could not reach Passkey Lab");
  await expect(report).toHaveCount(0);
});

test("/conformance fits a phone with a stored run; the run list scrolls inside a region the keyboard reaches", async ({
  page,
  context,
  baseURL,
}) => {
  // This browser's run, stored as the web runner stores it, under the owner cookie the runner would have set.
  const owner = newToken();
  await context.addCookies([{ name: "pl_conformance_runs", value: owner, url: baseURL! }]);
  const target = "https://conformance-target.example.com/some/long/path/fido";
  const database = createClient({ url: SERVER_DATABASE_URL, timeout: 5_000 });
  const startedAt = Date.now() - 40_000;
  await database.execute({
    sql: `insert into conformance_runs (id, owner_hash, target, status, total, passed, failed, skipped, cases, started_at, finished_at)
          values (?, ?, ?, 'finished', 258, 240, 3, 15, '[]', ?, ?)`,
    args: [`e2e${newToken(12)}`, hashToken(owner), target, startedAt, startedAt + 31_400],
  });
  database.close();

  await page.goto("/conformance");
  const run = page.getByRole("table", { name: "Recent runs" }).getByRole("row").nth(1);
  await expect(run).toContainText(target);
  await expect(run).toContainText("31.4 s");
  await expectNoSidewaysScroll(page);
  await expectKeyboardScrolls(page.getByRole("region", { name: "Recent runs, scrollable" }));
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("every page of a signed-in person with a passkey fits a phone; the wizard and the activity log speak plainly", async ({
  page,
}) => {
  for (const path of ["/", "/sign-in", "/troubleshoot"]) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
  }

  const { email } = await signUpWithPasskey(page);
  // A wrong password (autofill is off, so the passkey does not sign in by itself), then a sign-in with the passkey.
  await signOut(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(`not ${PASSWORD}`);
  await page.getByRole("button", { name: "Sign in with password" }).click();
  await expect(page.getByText("User not found or password invalid", { exact: true })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  for (const path of ["/", "/sign-in", "/troubleshoot", "/account", "/wallet", "/account/activity"]) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
  }

  // The wizard: Chromium's virtual authenticator made it as "This device" (transport internal): not a security key,
  // and its last use is a date in words like everywhere else, not 2026-12-06.
  await page.goto("/troubleshoot");
  const passkey = page.getByRole("list", { name: "Your passkeys and where they live" }).getByRole("listitem");
  await expect(passkey).toContainText("Chromium virtual authenticator");
  await expect(passkey).toContainText("only on the device that made it");
  await expect(passkey).not.toContainText("security key");
  await expect(passkey.locator("time")).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);

  // The activity log: the reason in words; each event stacks its parts, all on screen, nothing to scroll sideways.
  await page.goto("/account/activity");
  await expect(page.getByRole("list", { name: "Failed sign-ins" })).toContainText("1 × wrong password");
  for (const cell of await page.getByRole("table", { name: "Account activity" }).getByRole("cell").all()) {
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
  }
  expect(await accessibilityViolations(page)).toEqual([]);
});
