// The support console as staff meet it (issue 13 items 1, 5 and 7): a "Support" link only they see, a mistyped code
// that stays in the field, and a script that says what to ask, check and tell, from a real report.
import { expect, test, type Page } from "@playwright/test";
import { addPasskey, enableTotp, signUp, stepUpWithTotp } from "./fixtures/account";
import { supportStaff } from "./fixtures/support";
import { VirtualAuthenticator } from "@passkey-lab/kit/playwright";

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

test("staff find the console from the header; nobody else sees the link", async ({ page, browser }) => {
  await supportStaff(page);
  await page.goto("/");
  await mainNav(page).getByRole("link", { name: "Support" }).click();
  await expect(page.getByRole("heading", { name: "Support console" })).toBeVisible();

  const someone = await browser.newContext();
  const person = await someone.newPage();
  await person.goto("/troubleshoot");
  await expect(mainNav(person).getByRole("link", { name: "Troubleshoot" })).toBeVisible();
  await expect(mainNav(person).getByRole("link", { name: "Support" })).toHaveCount(0);
  await signUp(person);
  await person.goto("/troubleshoot");
  await expect(mainNav(person).getByRole("link", { name: "Support" })).toHaveCount(0);
  await someone.close();
});

test("a mistyped report code stays in the field and is named as not a code; the page stays the console", async ({
  page,
}) => {
  await supportStaff(page);
  const field = page.getByLabel("Report code");
  await field.fill("not-a-code");
  await page.getByRole("button", { name: "Open report" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This is not a report code" })).toContainText(
    "such as K7M-4QX-9TZ-H2D",
  );
  await expect(field).toHaveValue("not-a-code");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("heading", { name: /^Report / })).toHaveCount(0);
  await expect(page).toHaveTitle("Support console · Passkey Lab");

  // A code of the right shape that matches nothing is told apart, and also kept.
  await field.fill("K7M-4QX-9TZ-H2D");
  await page.getByRole("button", { name: "Open report" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No report with this code" })).toBeVisible();
  await expect(field).toHaveValue("K7M-4QX-9TZ-H2D");
});

test("the script for a signed-in person whose passkey is on the device: ask, check, tell, in order, no repeats", async ({
  page,
  browser,
}) => {
  // The person: signed in, with a passkey on this device, runs the live test and saves a report.
  await VirtualAuthenticator.attach(page);
  await signUp(page);
  const { totp } = await enableTotp(page);
  await addPasskey(page, "This device", stepUpWithTotp(page, totp));
  await page.goto("/troubleshoot");
  await expect(page.getByTestId("platform")).toBeVisible();
  await page.getByRole("button", { name: "Run the live test" }).click();
  await expect(page.getByRole("list", { name: "Live test results" }).getByRole("listitem")).toHaveCount(3);
  await page.getByRole("button", { name: "Save report" }).click();
  const code = (await page.getByTestId("saved-code").innerText()).trim();

  // Staff open it.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await supportStaff(staff);
  await staff.getByLabel("Report code").fill(code);
  await staff.getByRole("button", { name: "Open report" }).click();
  await expect(staff.getByRole("heading", { name: `Report ${code}` })).toBeVisible();
  const script = staff.getByRole("region", { name: "Suggested script" });
  await expect(script.getByRole("heading")).toHaveText(["Suggested script", "Ask", "Check", "Tell"]);
  const check = script.getByRole("list", { name: "Check" }).getByRole("listitem");
  await expect(check.first()).toHaveText(
    "Their passkey for this account is on this device: the device declined to make a second one. Nothing is wrong with that.",
  );
  await expect(check.nth(1)).toHaveText(
    "The live test passed: this device and our server make and use passkeys together.",
  );
  await expect(check.last()).toContainText("Look up this account");
  await expect(script.getByRole("list", { name: "Tell" })).toContainText("never asks for a password");
  await expect(script).not.toContainText("Problem");
  await expect(script).not.toContainText("live test below");
  await expect(script).not.toContainText("already holds a passkey for your account");
  const lines = await script.getByRole("listitem").allInnerTexts();
  expect(new Set(lines).size).toBe(lines.length);
  // The report below says the same as the person saw.
  await expect(staff.getByRole("region", { name: "Live test" })).toContainText(
    "Your passkey on this device: This device holds your passkey",
  );
  await staffContext.close();
});
