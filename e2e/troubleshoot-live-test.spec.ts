// The wizard's live test against the real server, and the report round trip to the support console.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { addPasskey, enableTotp, signUp, stepUpWithTotp } from "./fixtures/account";
import { openSupportConsole, promoteToSupport } from "./fixtures/support";
import { authenticatorKinds, VirtualAuthenticator } from "@passkey-lab/kit/playwright";

const results = (page: Page) => page.getByRole("list", { name: "Live test results" });

async function runLiveTest(page: Page) {
  await page.goto("/troubleshoot");
  await expect(page.getByTestId("platform")).toBeVisible();
  await page.getByRole("button", { name: "Run the live test" }).click();
}

test("a working platform authenticator passes both steps", async ({ page }) => {
  await VirtualAuthenticator.attach(page);
  await runLiveTest(page);
  await expect(results(page).getByRole("listitem")).toHaveCount(2);
  await expect(results(page)).toContainText("Signing in with it: Signing in with the passkey works");
  await expect(results(page)).not.toContainText("Problem");
});

test("no usable authenticator (NotAllowedError) is explained with a fix", async ({ page }) => {
  await VirtualAuthenticator.attach(page, authenticatorKinds.securityKeyWithoutPin);
  await runLiveTest(page);
  await expect(results(page)).toContainText("Browser error: NotAllowedError");
  // The explanation (describeBrowserError): the cause, then what to do.
  await expect(results(page)).toContainText("Try again");
});

test("failed user verification is explained with a fix", async ({ page }) => {
  await VirtualAuthenticator.attach(page, { ...authenticatorKinds.platform, isUserVerified: false });
  await runLiveTest(page);
  await expect(results(page)).toContainText("NotAllowedError");
  await expect(results(page)).toContainText("could not check it was you");
});

test("signed in with a passkey on this device: a finding, not a problem, and both halves still run", async ({
  page,
}) => {
  await VirtualAuthenticator.attach(page);
  await signUp(page);
  const { totp } = await enableTotp(page);
  await addPasskey(page, "This device", stepUpWithTotp(page, totp));
  await runLiveTest(page);
  await expect(results(page).getByRole("listitem")).toHaveCount(3);
  await expect(results(page).getByRole("listitem").nth(0)).toHaveText(
    /^OK\s*Your passkey on this device: This device holds your passkey for this account/,
  );
  await expect(results(page).getByRole("listitem").nth(1)).toContainText(
    "Making a passkey: Your device made a passkey",
  );
  await expect(results(page).getByRole("listitem").nth(2)).toContainText(
    "Signing in with it: Signing in with the passkey works",
  );
  await expect(results(page)).not.toContainText("Problem");
  await expect(results(page)).not.toContainText("InvalidStateError");
  await expect(page.getByRole("list", { name: "Your passkeys and where they live" })).toContainText(
    "Chromium virtual authenticator",
  );

  // The saved report says the same: a passkey found, both halves passed.
  await page.getByRole("button", { name: "Save report" }).click();
  await page.getByRole("link", { name: "View, copy or download it" }).click();
  const live = page.getByRole("region", { name: "Live test" });
  await expect(live).toContainText("Your passkey on this device: This device holds your passkey for this account");
  await expect(live).toContainText("Signing in with it: Signing in with the passkey works");
  await expect(live).not.toContainText("Problem");
});

test("a server-side origin mismatch shows the mismatch explainer", async ({ page }) => {
  await VirtualAuthenticator.attach(page);
  // Rewrite the origin inside clientDataJSON on its way to the server, as a misconfigured proxy or a phishing page would.
  await page.route("**/troubleshoot", async (route) => {
    const body = route.request().postData();
    if (route.request().method() !== "POST" || !body?.includes("attestationObject")) return route.continue();
    const rewritten = body.replace(/"clientDataJSON":"([A-Za-z0-9_-]+)"/, (_match, encoded: string) => {
      const clientData = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
      clientData.origin = "https://phishing.example";
      return `"clientDataJSON":"${Buffer.from(JSON.stringify(clientData)).toString("base64url")}"`;
    });
    await route.continue({ postData: rewritten });
  });
  await runLiveTest(page);
  await expect(results(page)).toContainText("Our server refused the new passkey.");
  const originRow = page.getByRole("row", { name: /origin/ }).first();
  await expect(originRow).toContainText("https://phishing.example");
  await expect(originRow).toContainText("Problem");
});

test("report round trip: saved by a person, opened by code in the support console; others get 404; no a11y violations", async ({
  page,
  browser,
}) => {
  await VirtualAuthenticator.attach(page);
  await runLiveTest(page);
  await expect(results(page).getByRole("listitem")).toHaveCount(2);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole("button", { name: "Save report" }).click();
  const code = (await page.getByTestId("saved-code").innerText()).trim();
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{3}(-[0-9A-HJKMNP-TV-Z]{3}){3}$/);

  await page.getByRole("link", { name: "View, copy or download it" }).click();
  await expect(page.getByTestId("report-code")).toHaveText(code);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const download = await page.request.get(`/troubleshoot/report/${code}/json`);
  expect(JSON.stringify(await download.json())).not.toMatch(/"challenge":"(?!\[redacted\])/);

  // A normal signed-in user gets 404 on the console.
  const staffEmail = await signUp(page);
  expect((await page.goto("/support"))?.status()).toBe(404);

  // The same account made support staff: a password alone does not open the console; two-factor and a passkey do.
  promoteToSupport(staffEmail);
  expect((await page.goto("/support"))?.status()).toBe(200);
  await expect(page.getByRole("link", { name: "turn on two-factor authentication" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const { totp } = await enableTotp(page);
  await addPasskey(page, "This device", stepUpWithTotp(page, totp));
  await openSupportConsole(page);

  // The report, opened by the code read aloud.
  await page.getByLabel("Report code").fill(code.toLowerCase().replaceAll("-", " "));
  await page.getByRole("button", { name: "Open report" }).click();
  await expect(page.getByRole("heading", { name: `Report ${code}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Suggested script" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Account lookup: read-only, with the staff member's own lookup logged.
  await page.getByLabel("Email").fill(staffEmail);
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByRole("heading", { name: staffEmail })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recent activity" })).toContainText(
    "Support opened a troubleshooting report",
  );
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const anonymous = await browser.newContext();
  expect((await (await anonymous.newPage()).goto("/support"))?.status()).toBe(404);
  await anonymous.close();
});
