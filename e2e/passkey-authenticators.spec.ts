// Authenticator kinds and failure paths: security keys with and without a PIN, failed user verification, a second
// registration on the same authenticator, and the 2FA-first policy.
import { expect, test, type Page } from "@playwright/test";
import { addPasskey, enableTotp, signOut, signUp, stepUpWithPasskey, stepUpWithTotp } from "./fixtures/account";
import { authenticatorKinds, installAutofillSwitch, VirtualAuthenticator } from "@passkey-lab/kit/playwright";

async function signInWithPasskeyButton(page: Page) {
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
}

test("a security key with a PIN registers and signs in", async ({ page }) => {
  const setAutofill = await installAutofillSwitch(page);
  const key = await VirtualAuthenticator.attach(page, authenticatorKinds.securityKey);
  await signUp(page);
  const { totp } = await enableTotp(page);
  await addPasskey(page, "A security key", stepUpWithTotp(page, totp));
  // With "none" attestation Chromium hides a security key's AAGUID, so the label falls back to the kind of authenticator.
  await expect(page.getByRole("listitem", { name: "Security key" }).getByText("usb")).toBeVisible();

  await setAutofill(false);
  await signOut(page);
  await signInWithPasskeyButton(page);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  expect((await key.credentials())[0].signCount).toBe(2);
});

test("a passkey added on a page in Spanish is named in Spanish when its authenticator has no name", async ({
  page,
  context,
  baseURL,
}) => {
  await VirtualAuthenticator.attach(page, authenticatorKinds.securityKey);
  await signUp(page);
  const { totp } = await enableTotp(page);
  await context.addCookies([{ name: "locale", value: "es", url: baseURL! }]);
  await page.goto("/account");
  await page.getByRole("radio", { name: "Una llave de seguridad" }).check();
  await page.getByRole("button", { name: "Añadir una llave de acceso" }).click();
  const stepUp = page.getByRole("dialog", { name: "Confirma que eres tú" });
  await stepUp.getByLabel("Código de tu app de autenticación").fill(await totp.code());
  await stepUp.getByRole("button", { name: "Confirmar con el código" }).click();
  // The name is the person's from now on: made in their language, it stays as it is when the page's language changes.
  await expect(page.getByText("Llave de acceso «Llave de seguridad» añadida.")).toBeVisible();
  await context.addCookies([{ name: "locale", value: "en", url: baseURL! }]);
  await page.goto("/account");
  await expect(
    page.getByRole("list", { name: "Your passkeys" }).getByRole("listitem", { name: "Llave de seguridad" }),
  ).toBeVisible();
});

test("a security key without a PIN: registration asks for a PIN, and sign-in is refused with the set-a-PIN message", async ({
  page,
}) => {
  const setAutofill = await installAutofillSwitch(page);
  const pinless = await VirtualAuthenticator.attach(page, authenticatorKinds.securityKeyWithoutPin);
  const email = await signUp(page);
  const { totp } = await enableTotp(page);

  // Chromium will not put a passkey on a key that cannot verify the user: the person is told to set a PIN.
  await page.goto("/account");
  await page.getByRole("radio", { name: "A security key" }).check();
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await stepUpWithTotp(page, totp)();
  await expect(
    page.getByText("Security keys need a PIN before they can hold a passkey", { exact: false }),
  ).toBeVisible();
  expect(await pinless.credentials()).toHaveLength(0);

  // A passkey that lives on a key without user verification: registered on a key with a PIN, then moved to one
  // without. One key at a time, so Chromium cannot pick the PIN-less key for the registration.
  await pinless.remove();
  const withPin = await VirtualAuthenticator.attach(page, authenticatorKinds.securityKey);
  // The step-up grant is still unspent (the first attempt failed in the browser), so no new check is asked for.
  await addPasskey(page, "A security key");
  await withPin.moveCredentialsTo(await VirtualAuthenticator.attach(page, authenticatorKinds.securityKeyWithoutPin));

  await setAutofill(false);
  await signOut(page);
  await page.getByLabel("Email").fill(email);
  await signInWithPasskeyButton(page);
  await expect(page.getByRole("alert").filter({ hasText: "didn't verify that it's you" })).toContainText("set a PIN");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("SEC-07 failed user verification (fingerprint not recognised) gives a clear message and no session", async ({
  page,
}) => {
  const setAutofill = await installAutofillSwitch(page);
  const platform = await VirtualAuthenticator.attach(page);
  await signUp(page);
  const { totp } = await enableTotp(page);
  await addPasskey(page, "This device", stepUpWithTotp(page, totp));

  await setAutofill(false);
  await signOut(page);
  await platform.setUserVerified(false);
  await signInWithPasskeyButton(page);
  // The server reads the platform from the User-Agent (Windows, as Playwright's desktop Chrome says) and names its steps.
  await expect(page.getByText("If the fingerprint, face or PIN prompt failed", { exact: false })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("adding a passkey waits until two-factor authentication is on: the button is off and says why", async ({
  page,
}) => {
  const platform = await VirtualAuthenticator.attach(page);
  await signUp(page);
  await expect(page.getByText("needs two-factor authentication before it accepts a passkey")).toBeVisible();
  const add = page.getByRole("button", { name: "Add a passkey" });
  await expect(add).toBeDisabled();
  await expect(add).toHaveAccessibleDescription(
    /this account needs two-factor authentication before it accepts a passkey/,
  );
  await expect(page.getByRole("radio", { name: "This device" })).toBeDisabled();
  // The notice is said once, as a notice: no red copy of it.
  await expect(page.getByRole("alert").filter({ hasText: "two-factor" })).toHaveCount(0);
  expect(await platform.credentials()).toHaveLength(0);

  await enableTotp(page);
  await page.goto("/account");
  await expect(add).toBeEnabled();
  await expect(page.getByText("needs two-factor authentication before it accepts a passkey")).toHaveCount(0);
});

test("SEC-50 the same authenticator cannot register a second passkey for the account", async ({ page }) => {
  const platform = await VirtualAuthenticator.attach(page);
  await signUp(page);
  const { totp } = await enableTotp(page);
  await addPasskey(page, "This device", stepUpWithTotp(page, totp));

  await page.getByRole("radio", { name: "This device" }).check();
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await stepUpWithPasskey(page)();
  await expect(
    page.getByText("This device or password manager already holds a passkey for your account."),
  ).toBeVisible();
  expect(await platform.credentials()).toHaveLength(1);
  await expect(page.getByRole("list", { name: "Your passkeys" }).getByRole("listitem")).toHaveCount(1);
});
