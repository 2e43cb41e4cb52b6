// "Forgot password?" as a person meets it: the mailed code, the second factor (never skipped), a new password, every
// other session ended, the activity log, and withdrawals held for 24 hours (shown, and refused by the server).
import { expect, test, type Page } from "@playwright/test";
import {
  addPasskey,
  enableTotp,
  PASSWORD,
  signInWithPassword,
  signUp,
  signUpWithPasskey,
  uniqueEmail,
} from "./fixtures/account";
import { mailTo, resetCodeFor } from "./fixtures/mail";
import { readServerDatabase, writeServerDatabase } from "./fixtures/server-database";
import { VirtualAuthenticator } from "@passkey-lab/kit/playwright";

const NEW_PASSWORD = "a brand new reset passphrase";

/** From the sign-in page's link to the code step. */
async function askForReset(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a code" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

async function enterMailedCode(page: Page, code: string) {
  await page.getByLabel("Code from the email").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

async function enterSecondFactor(page: Page, code: string, kind: "totp" | "recovery-code") {
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  if (kind === "recovery-code") await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel(kind === "totp" ? "Code from your authenticator app" : "Recovery code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

async function setNewPassword(page: Page, password = NEW_PASSWORD) {
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password").fill(password);
  await page.getByRole("button", { name: "Set new password" }).click();
}

test("with an authenticator code: a new password, the other browser signed out, logged, and withdrawals held 24 hours", async ({
  page,
  browser,
}) => {
  // Four authenticator codes (set-up, step-up, reset, sign-in): each 30-second step works once and three are at hand,
  // so the test may wait for the clock once.
  test.setTimeout(120_000);
  // Autofill off: the passkey would otherwise sign this browser straight back in on the sign-in page.
  const { email, totp } = await signUpWithPasskey(page);

  // The reset happens in another browser, as when the person is on another device.
  const elsewhere = await browser.newPage();
  await askForReset(elsewhere, email);
  await enterMailedCode(elsewhere, await resetCodeFor(email));
  await enterSecondFactor(elsewhere, await totp.code(), "totp");
  await setNewPassword(elsewhere);
  await expect(elsewhere.getByRole("heading", { name: "Your password is reset" })).toBeVisible();
  await expect(
    elsewhere.getByText("Every other session of your account has been signed out.", { exact: false }),
  ).toBeVisible();
  await expect(elsewhere.getByText("Withdrawals are held until", { exact: false })).toBeVisible();
  await elsewhere.getByRole("link", { name: "Go to your account" }).click();
  await expect(elsewhere.getByRole("heading", { name: "Your account" })).toBeVisible();
  await elsewhere.goto("/account/activity");
  await expect(elsewhere.getByRole("row").filter({ hasText: "Password reset from “Forgot password?”" })).toContainText(
    "with the emailed code and an authenticator code",
  );
  await elsewhere.close();

  // The first browser's session ended with the reset.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await signInWithPassword(page, email, NEW_PASSWORD, totp);

  // The wallet says until when, and the server refuses before any passkey prompt.
  await page.goto("/wallet");
  await expect(page.getByRole("status").filter({ hasText: "Withdrawals are held until" })).toBeVisible();
  await page.getByLabel("Amount (LAB)").fill("1");
  await page.getByRole("button", { name: "Use a demo address" }).click();
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByText("Withdrawals are paused until", { exact: false })).toBeVisible();
  await expect(page.getByTestId("balance")).toHaveText("10 LAB");

  // A day later (the hold's clock moved): no notice, and the withdrawal goes through.
  await writeServerDatabase((database) =>
    database.execute({
      sql: "update users set withdrawals_held_until = ? where email = ?",
      args: [Date.now() - 1_000, email],
    }),
  );
  await page.reload();
  await expect(page.getByText("Withdrawals are held until", { exact: false })).toHaveCount(0);
  await page.getByLabel("Amount (LAB)").fill("1");
  await page.getByRole("button", { name: "Use a demo address" }).click();
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByText(/^Sent 1 LAB to lab1/)).toBeVisible();
  await expect(page.getByTestId("balance")).toHaveText("9 LAB");
});

test("with a recovery code, used up; wrong, expired and reused codes refused; an unknown email answered alike", async ({
  page,
}) => {
  const email = await signUp(page);
  const { recoveryCodes } = await enableTotp(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  // An address with no account: the same page, the same words; its mail says there is no account and holds no code.
  const unknown = uniqueEmail("nobody");
  await askForReset(page, unknown);
  const unknownAnswer = (await page.locator("main form").innerText()).replace(unknown, "ADDRESS");
  expect((await mailTo(unknown)).map((mail) => mail.subject)).toEqual([
    "Passkey Lab password reset: no account with this address",
  ]);
  await askForReset(page, email);
  expect((await page.locator("main form").innerText()).replace(email, "ADDRESS")).toBe(unknownAnswer);

  // A wrong code, then the right one; the emailed code alone does not reach the new password: two-factor is on.
  const code = await resetCodeFor(email);
  await enterMailedCode(page, code === "000000" ? "000001" : "000000");
  await expect(page.getByText("That code didn't work", { exact: false })).toContainText("4 tries left");
  await enterMailedCode(page, code);
  await enterSecondFactor(page, recoveryCodes[0], "recovery-code");
  // The sign-up rules apply.
  await setNewPassword(page, "password1234");
  await expect(page.getByText("common and leaked passwords", { exact: false })).toBeVisible();
  await setNewPassword(page);
  await expect(page.getByRole("heading", { name: "Your password is reset" })).toBeVisible();
  await page.goto("/account/two-factor");
  await expect(page.getByRole("region", { name: "Recovery codes" })).toContainText("You have 9 unused recovery codes");
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();

  // The same recovery code a second time: used up.
  await askForReset(page, email);
  await enterMailedCode(page, await resetCodeFor(email));
  await enterSecondFactor(page, recoveryCodes[0], "recovery-code");
  await expect(page.getByText("That recovery code didn't work", { exact: false })).toBeVisible();

  // A code past its 15 minutes (the request's clock moved): refused, with a fresh start offered; the sweeper removes it.
  await askForReset(page, email);
  const expiring = await resetCodeFor(email);
  const expire =
    "update password_resets set expires_at = ? where user_id = (select id from users where email = ?) and stage = 'code'";
  await writeServerDatabase((database) => database.execute({ sql: expire, args: [Date.now() - 1_000, email] }));
  await enterMailedCode(page, expiring);
  await expect(page.getByText("This reset has expired", { exact: false })).toBeVisible();
  await expect(page.getByRole("link", { name: "Start again" })).toBeVisible();
  const waiting =
    "select count(*) as n from password_resets where user_id = (select id from users where email = ?) and stage = 'code'";
  await expect
    .poll(
      () =>
        readServerDatabase(async (database) =>
          Number((await database.execute({ sql: waiting, args: [email] })).rows[0].n),
        ),
      { timeout: 15_000 },
    )
    .toBe(0);

  // The old password is gone, the new one works (with the next recovery code as the second factor).
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in with password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "User not found or password invalid" })).toBeVisible();
  await expect(page.getByRole("link", { name: "reset your password" })).toHaveAttribute("href", "/forgot-password");
});

test("the step-up before adding a passkey takes a recovery code for someone who lost their phone; it is used up and logged", async ({
  page,
}) => {
  await VirtualAuthenticator.attach(page);
  await signUp(page);
  const { recoveryCodes } = await enableTotp(page);
  await addPasskey(page, "This device", async () => {
    const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
    await dialog.getByRole("button", { name: "Lost your phone? Use a recovery code instead" }).click();
    await dialog.getByLabel("Recovery code").fill(recoveryCodes[3]);
    await dialog.getByRole("button", { name: "Confirm with recovery code" }).click();
  });
  await page.goto("/account/two-factor");
  await expect(page.getByRole("region", { name: "Recovery codes" })).toContainText("You have 9 unused recovery codes");
  await page.goto("/account/activity");
  await expect(page.getByRole("row").filter({ hasText: "Confirmed identity with a recovery code" })).toContainText(
    "for adding a passkey",
  );
});

test("the wrong-code error does not stay under the Recovery code field after switching to it", async ({ page }) => {
  const email = await signUp(page);
  await enableTotp(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in with password" }).click();
  await page.getByLabel("Code from your authenticator app").fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code didn't work", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await expect(page.getByLabel("Recovery code")).toBeVisible();
  await expect(page.getByText("That code didn't work", { exact: false })).toHaveCount(0);
});
