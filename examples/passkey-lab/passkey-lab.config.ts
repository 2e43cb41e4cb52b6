// The kit's config for Passkey Lab itself, through its real pages: sign-up (email, emailed code, password), two-factor
// set-up with an authenticator app, then a passkey added from the account page with the step-up it asks for.
// Needs PORTAL_URL (the running portal) and DATABASE_URL (its database, for the emailed code: see sign-up-code.ts).
import type { Locator, Page } from "@playwright/test";
import { defineConfig, type ProbeUser } from "@passkey-lab/kit";
import { signUpCodeFor } from "./sign-up-code";
import { nextTotpCode } from "./totp-code";

/** The portal's accounts are email addresses; a probe user's username becomes one unless it is one already. */
const emailOf = (user: ProbeUser) =>
  user.username.includes("@") ? user.username : `${user.username}@probe.passkey-lab.test`;

/** An error the page shows (in <main>: Next.js's route announcer is an alert too, outside it). */
const errorOn = (page: Page) => page.locator("main").getByRole("alert").filter({ hasText: /\S/ });

/**
 * Waits until the page shows `success` or an error, and throws with the error's text: the probes call these steps on
 * tampered ceremonies too, where the portal's refusal must end the step at once, not after a timeout.
 */
async function outcome(page: Page, success: Locator, step: string): Promise<void> {
  await success.or(errorOn(page)).first().waitFor();
  if (!(await success.isVisible()))
    throw new Error(`${step}: the portal said “${await errorOn(page).first().innerText()}”`);
}

const accountHeading = (page: Page) => page.getByRole("heading", { name: "Your account" });

async function signUp(page: Page, user: ProbeUser): Promise<void> {
  const email = emailOf(user);
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await outcome(page, page.getByRole("heading", { name: "Check your email" }), "sign-up");
  await page.getByLabel("Code from the email").fill(await signUpCodeFor(email));
  await page.getByRole("button", { name: "Verify and create account" }).click();
  await outcome(page, accountHeading(page), "sign-up code");
}

async function turnOnTwoFactor(page: Page, user: ProbeUser): Promise<void> {
  await page.goto("/account/two-factor");
  await page.getByRole("button", { name: "Set up authenticator app" }).click();
  user.totpSecret = (await page.getByTestId("totp-manual-key").innerText()).replace(/\s/g, "");
  await page.getByLabel("6-digit code").fill(await nextTotpCode(user));
  await page.getByLabel("Current password").fill(user.password);
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await outcome(page, page.getByText("Two-factor authentication is on."), "two-factor set-up");
}

/**
 * The account page's "Add a passkey", answering the step-up it asks for: with a passkey when the account has one
 * (no wait for a fresh TOTP step), else with a code from the authenticator app.
 */
async function addPasskeyFromAccount(page: Page, user: ProbeUser): Promise<void> {
  await page.goto("/account");
  await page.getByRole("radio", { name: "This device" }).check();
  await page.getByRole("button", { name: "Add a passkey" }).click();
  const added = page.getByText(/^Passkey “.*” added\.$/);
  const stepUp = page.getByRole("dialog", { name: "Confirm it's you" });
  await added.or(stepUp).or(errorOn(page)).first().waitFor();
  if (await stepUp.isVisible()) {
    const withPasskey = stepUp.getByRole("button", { name: "Confirm with a passkey" });
    if (await withPasskey.isVisible()) {
      await withPasskey.click();
    } else {
      await stepUp.getByLabel("Code from your authenticator app").fill(await nextTotpCode(user));
      await stepUp.getByRole("button", { name: "Confirm with code" }).click();
    }
  }
  await outcome(page, added, "add a passkey");
}

export default defineConfig({
  baseURL: process.env.PORTAL_URL ?? "http://localhost:3000",
  rpId: process.env.PORTAL_RP_ID ?? "localhost",
  // A system browser where Playwright cannot download its own (e.g. CHROMIUM_PATH=/usr/bin/chromium); its own when unset.
  launchOptions: { executablePath: process.env.CHROMIUM_PATH },

  async register(page, user) {
    await signUp(page, user);
    await turnOnTwoFactor(page, user);
    await addPasskeyFromAccount(page, user);
  },

  // Username-first: with the email filled in, the portal asks for that account's passkeys.
  async signIn(page, user) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(emailOf(user));
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await outcome(page, accountHeading(page), "passkey sign-in");
  },

  // With the email empty, the browser offers every passkey it has for the site.
  async signInUsernameless(page) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").clear();
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await outcome(page, accountHeading(page), "usernameless passkey sign-in");
  },

  // The account page sends a signed-out person to /sign-in.
  async isSignedIn(page) {
    await page.goto("/account");
    return new URL(page.url()).pathname === "/account" && (await accountHeading(page).isVisible());
  },

  async signOut(page) {
    await page.goto("/account");
    if (new URL(page.url()).pathname !== "/account") return;
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
  },

  addPasskey: addPasskeyFromAccount,
});
