// A new set of recovery codes, from the two-factor page: asked for, confirmed with a step-up, and the old set dead.
import { expect, test, type Page } from "@playwright/test";
import { enableTotp, signOut, signUp, stepUpWithTotp, submitPassword } from "./fixtures/account";

async function signInWithRecoveryCode(page: Page, email: string, code: string) {
  await submitPassword(page, email);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

test("new recovery codes after a step-up replace the old ones: an old code no longer signs in, a new one does, once", async ({
  page,
}) => {
  const email = await signUp(page);
  const { totp, recoveryCodes: oldCodes } = await enableTotp(page);

  await page.goto("/account/two-factor");
  const card = page.getByRole("region", { name: "Recovery codes" });
  await expect(card).toContainText("You have 10 unused recovery codes");
  await card.getByRole("button", { name: "Make new recovery codes" }).click();
  // Asked first (Cancel changes nothing), then the identity check.
  await page
    .getByRole("dialog", { name: "Make new recovery codes?" })
    .getByRole("button", { name: "Make new codes" })
    .click();
  await stepUpWithTotp(page, totp)();
  await expect(page.getByText("New recovery codes made. The old ones no longer work.")).toBeVisible();
  const newCodes = await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allInnerTexts();
  expect(newCodes).toHaveLength(10);
  expect(newCodes.filter((code) => oldCodes.includes(code))).toEqual([]);

  await signOut(page);
  await signInWithRecoveryCode(page, email, oldCodes[0]);
  await expect(page.getByRole("alert").filter({ hasText: /code/i })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.goto("/sign-in");
  await signInWithRecoveryCode(page, email, newCodes[0]);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await page.goto("/account/two-factor");
  await expect(page.getByRole("region", { name: "Recovery codes" })).toContainText("You have 9 unused recovery codes");
  await page.goto("/account/activity");
  await expect(page.getByRole("table")).toContainText("New recovery codes made; the old ones stopped working");
});
