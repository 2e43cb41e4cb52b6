// The evaluator's whole journey in real Chromium with a virtual platform authenticator, against `next start`.
import { expect, test } from "@playwright/test";
import { addPasskey, enableTotp, signOut, signUp, stepUpWithPasskey, stepUpWithTotp } from "./fixtures/account";
import { installAutofillSwitch, VirtualAuthenticator } from "@passkey-lab/kit/playwright";

test("sign-up → 2FA → step-up → passkey → three passkey sign-ins → rename → passwordless → last-passkey guard → activity", async ({
  page,
}) => {
  const authenticator = await VirtualAuthenticator.attach(page);
  const setAutofill = await installAutofillSwitch(page);
  const email = await signUp(page);
  const { totp } = await enableTotp(page);

  await addPasskey(page, "This device", stepUpWithTotp(page, totp));
  const [credential] = await authenticator.credentials();
  expect(credential.isResidentCredential).toBe(true);
  const passkey = page.getByRole("listitem", { name: "Chromium virtual authenticator" });
  await expect(passkey.getByText("Device-bound")).toBeVisible();
  await expect(passkey.getByText("This device", { exact: true })).toBeVisible();

  // Username-first: the email picks the account, allowCredentials lists its passkeys.
  await setAutofill(false);
  await signOut(page);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  expect((await authenticator.credentials())[0].signCount).toBe(credential.signCount + 1);

  // Usernameless: no email, the discoverable credential names the account through its user handle.
  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  // Autofill: conditional mediation starts on load and completes by itself with presence simulation on.
  await setAutofill(true);
  await signOut(page);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  expect((await authenticator.credentials())[0].signCount).toBe(credential.signCount + 3);

  // Rename.
  await passkey.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("Passkey name").fill("Work laptop");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("listitem", { name: "Work laptop" })).toBeVisible();

  // Go passwordless, confirming with the passkey.
  await page.goto("/account/password");
  await page.getByRole("button", { name: "Remove password" }).click();
  await stepUpWithPasskey(page)();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText("Removed — passwordless")).toBeVisible();

  // The last passkey is now the only way in: removal is refused.
  await page.getByRole("button", { name: "Remove Work laptop" }).click();
  await page
    .getByRole("dialog", { name: "Remove “Work laptop”?" })
    .getByRole("button", { name: "Remove passkey" })
    .click();
  await expect(page.getByText("This is your last way to sign in, so it can't be removed.")).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Work laptop" })).toBeVisible();

  // The activity log shows it all, with browser and OS, and no secrets.
  await page.goto("/account/activity");
  const log = page.getByRole("table", { name: "Account activity" });
  for (const what of [
    "Account created",
    "Two-factor authentication turned on",
    "Confirmed identity with an authenticator code",
    "Passkey added",
    "Signed in with a passkey",
    "Passkey renamed",
    "Confirmed identity with a passkey",
    "Password removed (passwordless)",
    "Signed out",
  ]) {
    await expect(log.getByRole("cell", { name: what, exact: true }).first()).toBeVisible();
  }
  await expect(log.getByRole("cell", { name: "Signed in with a passkey", exact: true })).toHaveCount(3);
  await expect(log.getByText(/^Chrome \d+ on \w+/).first()).toBeVisible();
});
