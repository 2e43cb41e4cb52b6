// What the portal says when the connection drops under a server action, a live test run again, and oversized input.
import { expect, test, type Page, type Route } from "@playwright/test";
import { signOut, signUpWithPasskey } from "./fixtures/account";
import { openWizard } from "./fixtures/troubleshoot";
import { VirtualAuthenticator } from "@passkey-lab/kit/playwright";

const UNREACHABLE = "Could not reach Passkey Lab. Check your connection and try again.";

// Filtered by text: Next.js's route announcer is an alert region too.
const alertSaying = (page: Page, text: string) => page.getByRole("alert").filter({ hasText: text });

const isServerAction = (route: Route) => route.request().headers()["next-action"] !== undefined;

/** Drops every server action's request from now on, as a lost connection would; returns the undo. */
async function dropServerActions(page: Page): Promise<() => Promise<void>> {
  const drop = (route: Route) => (isServerAction(route) ? route.abort() : route.continue());
  await page.route("**/*", drop);
  return () => page.unroute("**/*", drop);
}

test("saving a report over a dropped connection says so, and the button saves once it is back", async ({ page }) => {
  await openWizard(page);
  const save = page.getByRole("button", { name: "Save report" });
  const restore = await dropServerActions(page);
  await save.click();
  await expect(alertSaying(page, UNREACHABLE)).toBeVisible();
  await expect(save).toBeEnabled();

  await restore();
  await save.click();
  await expect(page.getByTestId("saved-code")).toHaveText(/^[A-Z0-9]{3}(-[A-Z0-9]{3}){3}$/);
});

test("running the live test again clears the last result, shows progress and holds saving until it ends", async ({
  page,
}) => {
  await VirtualAuthenticator.attach(page);
  await openWizard(page);
  const results = page.getByRole("list", { name: "Live test results" }).getByRole("listitem");
  const save = page.getByRole("button", { name: "Save report" });
  await page.getByRole("button", { name: "Run the live test" }).click();
  await expect(results).toHaveCount(2);
  await expect(save).toBeEnabled();

  // Hold the new run's requests until the page has been looked at mid-run.
  let requested!: () => void;
  const reached = new Promise<void>((resolve) => (requested = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/troubleshoot", async (route) => {
    if (isServerAction(route)) {
      requested();
      await released;
    }
    await route.fallback();
  });
  await page.getByRole("button", { name: "Run the live test again" }).click();
  await reached;
  await expect(results).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Making a test passkey" })).toBeVisible();
  await expect(save).toBeDisabled();

  release();
  await expect(results).toHaveCount(2);
  await expect(save).toBeEnabled();

  // A run whose requests fail ends with a step that says why, and can be run again.
  const restore = await dropServerActions(page);
  await page.getByRole("button", { name: "Run the live test again" }).click();
  await expect(results).toHaveCount(1);
  await expect(results).toContainText(UNREACHABLE);
  await expect(page.getByRole("button", { name: "Run the live test again" })).toBeEnabled();
  await restore();
});

test("adding, renaming or removing a passkey over a dropped connection says so, and the buttons work again", async ({
  page,
}) => {
  await signUpWithPasskey(page);
  await page.goto("/account");
  const restore = await dropServerActions(page);
  const add = page.getByRole("button", { name: "Add a passkey" });
  await add.click();
  await expect(alertSaying(page, UNREACHABLE)).toBeVisible();
  await expect(add).toBeEnabled();

  await page.goto("/account");
  const passkey = page.getByRole("list", { name: "Your passkeys" }).getByRole("listitem").first();
  await passkey.getByRole("button", { name: /^Rename/ }).click();
  await passkey.getByLabel("Passkey name").fill("Work laptop");
  await passkey.getByRole("button", { name: "Save" }).click();
  await expect(alertSaying(page, UNREACHABLE)).toBeVisible();
  await expect(passkey.getByRole("button", { name: "Save" })).toBeEnabled();

  await restore();
  await passkey.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Renamed to “Work laptop”.")).toBeVisible();

  await dropServerActions(page);
  const remove = passkey.getByRole("button", { name: /^Remove/ });
  await remove.click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove passkey" }).click();
  await expect(alertSaying(page, UNREACHABLE)).toBeVisible();
  await expect(remove).toBeEnabled();
});

test("the identity check and a passkey sign-in over a dropped connection say so, and their buttons work again", async ({
  page,
}) => {
  const { totp } = await signUpWithPasskey(page);
  await page.goto("/account");
  // Adding the passkey spent the step-up: removing it asks again, and the code goes out over a dropped connection.
  await page
    .getByRole("list", { name: "Your passkeys" })
    .getByRole("button", { name: /^Remove/ })
    .click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove passkey" }).click();
  const check = page.getByRole("dialog", { name: "Confirm it's you" });
  await check.getByLabel("Code from your authenticator app").fill(await totp.code());
  const restore = await dropServerActions(page);
  const confirm = check.getByRole("button", { name: "Confirm with code" });
  await confirm.click();
  await expect(check.getByRole("alert").filter({ hasText: UNREACHABLE })).toBeVisible();
  await expect(confirm).toBeEnabled();
  await restore();
  await confirm.click();
  await expect(page.getByText(/^Passkey “.*” removed\./)).toBeVisible();

  await signOut(page);
  await dropServerActions(page);
  const passkeySignIn = page.getByRole("button", { name: "Sign in with a passkey" });
  await passkeySignIn.click();
  await expect(alertSaying(page, UNREACHABLE)).toBeVisible();
  await expect(passkeySignIn).toBeEnabled();
});

test("wallet: a dropped connection, oversized fields and a long address on a phone-sized screen", async ({ page }) => {
  await signUpWithPasskey(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/wallet");
  const amount = page.getByLabel("Amount (LAB)");
  const destination = page.getByLabel("Destination address");
  const withdraw = page.getByRole("button", { name: "Withdraw" });

  await amount.fill("1.25");
  await page.getByRole("button", { name: "Use a demo address" }).click();
  const restore = await dropServerActions(page);
  await withdraw.click();
  await expect(alertSaying(page, UNREACHABLE)).toBeVisible();
  await expect(withdraw).toBeEnabled();
  await restore();

  // The inputs stop at the limit; past it (a script, an old page) the server names the field in plain words.
  await destination.fill("lab1".padEnd(5000, "q"));
  await expect(destination).toHaveValue("lab1".padEnd(200, "q"));
  await amount.fill("1".repeat(60));
  await expect(amount).toHaveValue("1".repeat(40));
  await amount.evaluate((input) => input.removeAttribute("maxlength"));
  await amount.fill("1".repeat(60));
  await withdraw.click();
  await expect(alertSaying(page, "That amount is too long: enter at most 40 characters, e.g. 0.25.")).toBeVisible();
  await amount.fill("1.25");
  await destination.evaluate((input) => input.removeAttribute("maxlength"));
  await destination.fill("lab1".padEnd(5000, "q"));
  await withdraw.click();
  await expect(alertSaying(page, "That address is too long: an address is at most 200 characters.")).toBeVisible();
  await expect(page.getByText("Technical detail")).toHaveCount(0);

  await page.getByRole("button", { name: "Use a demo address" }).click();
  await withdraw.click();
  const sent = page.getByRole("status").filter({ hasText: /^Sent 1\.25 LAB to lab1/ });
  await expect(sent).toBeVisible();
  // The message's paragraph fills the green box inside its padding: text wider than it spills out.
  const message = sent.locator("p");
  expect(await message.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
});
