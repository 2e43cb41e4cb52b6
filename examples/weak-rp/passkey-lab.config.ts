// UNSAFE — a deliberately weak relying party for testing passkey-lab; never deploy it. See README.md.
// The kit's config for the weak site: how a person signs up, signs in, adds a passkey and signs out on its one page.
// Run the site first (`npx tsx examples/weak-rp/main.ts 3210`) and point WEAK_RP_URL at it.
import type { Locator, Page } from "@playwright/test";
import { defineConfig } from "@passkey-lab/kit";

/**
 * Waits until the page shows `success` or an error, and throws with the error's text: the probes call these steps on
 * tampered ceremonies too, where the site's refusal must end the step at once, not after a timeout.
 */
async function outcome(page: Page, success: Locator): Promise<void> {
  const error = page.getByRole("alert");
  await success.or(error).first().waitFor();
  if (await error.isVisible()) throw new Error(`the weak site refused: ${await error.innerText()}`);
}

export default defineConfig({
  baseURL: process.env.WEAK_RP_URL ?? "http://localhost:3210",
  rpId: "localhost",
  // A system browser where Playwright cannot download its own (e.g. CHROMIUM_PATH=/usr/bin/chromium); its own when unset.
  launchOptions: { executablePath: process.env.CHROMIUM_PATH },

  async register(page, user) {
    await page.goto("/");
    await page.getByLabel("New username").fill(user.username);
    await page.getByRole("button", { name: "Sign up with a passkey" }).click();
    await outcome(page, page.getByRole("status").getByText("Passkey added."));
  },

  async signIn(page, user) {
    await page.goto("/");
    await page.getByLabel("Username", { exact: true }).fill(user.username);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await outcome(page, page.getByText(`Signed in as ${user.username}`, { exact: true }));
  },

  async signInUsernameless(page) {
    await page.goto("/");
    await page.getByRole("button", { name: "Sign in without a username" }).click();
    await outcome(page, page.getByText(/^Signed in as /));
  },

  async isSignedIn(page) {
    await page.goto("/");
    return page.getByText(/^Signed in as /).isVisible();
  },

  async signOut(page) {
    await page.goto("/");
    await page.getByRole("button", { name: "Sign out" }).click();
    await outcome(page, page.getByRole("status").getByText("Signed out."));
  },

  async addPasskey(page) {
    await page.goto("/");
    await page.getByRole("button", { name: "Add another passkey" }).click();
    await outcome(page, page.getByRole("status").getByText("Passkey added."));
  },
});
