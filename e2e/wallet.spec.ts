// The demo withdrawal: confirmed by a fresh user-verified passkey assertion bound to the amount and address.
import { expect, test } from "@playwright/test";
import { addPasskey, enableTotp, signUp, stepUpWithTotp } from "./fixtures/account";
import { VirtualAuthenticator } from "@passkey-lab/kit/playwright";

test("a withdrawal needs a passkey, is confirmed with it, and shows in the balance, history and activity", async ({
  page,
}) => {
  const authenticator = await VirtualAuthenticator.attach(page);
  await signUp(page);
  await page.goto("/wallet");
  await expect(page.getByTestId("balance")).toHaveText("10 LAB");
  await expect(page.getByText("Withdrawals are confirmed with a passkey", { exact: false })).toBeVisible();

  const { totp } = await enableTotp(page);
  await addPasskey(page, "This device", stepUpWithTotp(page, totp));
  const counterBefore = (await authenticator.credentials())[0].signCount;

  await page.goto("/wallet");
  await page.getByLabel("Amount (LAB)").fill("1.5");
  await page.getByLabel("Destination address").fill("lab1notavalidaddress");
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByText("That address is not valid", { exact: false })).toBeVisible();

  await page.getByRole("button", { name: "Use a demo address" }).click();
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByText(/^Sent 1\.5 LAB to lab1/)).toBeVisible();
  await expect(page.getByTestId("balance")).toHaveText("8.5 LAB");
  await expect(page.getByRole("list", { name: "Recent withdrawals" }).getByRole("listitem")).toHaveCount(1);
  expect((await authenticator.credentials())[0].signCount).toBe(counterBefore + 1);

  await page.getByLabel("Amount (LAB)").fill("9");
  await page.getByRole("button", { name: "Use a demo address" }).click();
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByText("Your balance is 8.5 LAB", { exact: false })).toBeVisible();

  await page.goto("/account/activity");
  await expect(page.getByRole("row").filter({ hasText: "Demo withdrawal sent" })).toContainText("1.5 LAB");
});
