// Sign-in and account details a reviewer tripped over: a failed password keeps the email and focus, a signed-out
// visitor comes back to the page they asked for (and nowhere else), dialogs start on the safe choice and hand focus
// back, the two-factor set-up takes digits only, and pages know when someone is already signed in.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { portalClient, SIGN_IN_ACTIONS } from "@/test/portal-client";
import { PASSWORD, signOut, signUp, signUpWithPasskey, submitPassword, uniqueEmail } from "./fixtures/account";
import { apiAccount } from "./fixtures/api-account";
import { supportStaff } from "./fixtures/support";

test("a wrong password keeps the email and puts focus back in the form", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}` });
  const email = uniqueEmail("wrong-password");
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in with password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "User not found or password invalid" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByLabel("Password")).toBeFocused();
});

test("signed out, /wallet and /account/activity come back after password + code or a passkey; other targets go to /account", async ({
  page,
}) => {
  const { email, totp } = await signUpWithPasskey(page);

  // Password and code, from /wallet.
  await signOut(page);
  await page.goto("/wallet");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fwallet$/);
  await expect(page.getByText("Sign in to continue to your wallet.")).toBeVisible();
  await submitPassword(page, email);
  await page.getByLabel("Code from your authenticator app").fill(await totp.code());
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Demo wallet" })).toBeVisible();
  await expect(page).toHaveURL(/\/wallet$/);

  // A passkey, from /account/activity.
  await signOut(page);
  await page.goto("/account/activity");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount%2Factivity$/);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("heading", { name: "Activity" })).toBeVisible();
  await expect(page).toHaveURL(/\/account\/activity$/);

  // Signed in, /sign-in forwards to a next path on the signed-in area only, and /sign-up to the account.
  await page.goto("/sign-in?next=/wallet");
  await expect(page).toHaveURL(/\/wallet$/);
  for (const next of [
    "//evil.example/wallet",
    "/\\evil.example/wallet",
    "https://evil.example/account",
    "/troubleshoot",
  ]) {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await expect(page).toHaveURL(/localhost:\d+\/account$/);
  }
  await page.goto("/sign-up");
  await expect(page).toHaveURL(/\/account$/);

  // Another site as the target of a passkey sign-in: the account instead.
  await signOut(page);
  await page.goto(`/sign-in?next=${encodeURIComponent("//evil.example/wallet")}`);
  await expect(page.getByText(/Sign in to continue/)).toHaveCount(0);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page).toHaveURL(/localhost:\d+\/account$/);
});

test("the password action itself sends only signed-in-area paths on", async ({ page, baseURL }) => {
  const email = await signUp(page);
  const redirectFor = async (returnTo: string) =>
    (
      await portalClient(baseURL!).callWithForm("/sign-in", SIGN_IN_ACTIONS, "signInWithPasswordAction", {
        email,
        password: PASSWORD,
        returnTo,
      })
    ).redirect;
  expect(await redirectFor("/wallet")).toMatch(/^\/wallet(;|$)/);
  for (const returnTo of ["//evil.example/wallet", "/\\evil.example", "https://evil.example/wallet", "/sign-up"]) {
    expect(await redirectFor(returnTo), returnTo).toMatch(/^\/account(;|$)/);
  }
});

test("removing a passkey: the question starts on Cancel, Enter keeps the passkey, focus goes back to the button", async ({
  page,
  baseURL,
}) => {
  await apiAccount(page, baseURL!);
  await page.goto("/account");
  const passkeys = page.getByRole("list", { name: "Your passkeys" }).getByRole("listitem");
  await expect(passkeys).toHaveCount(1);
  const remove = passkeys.getByRole("button", { name: /^Remove / });
  const question = page.getByRole("dialog", { name: /^Remove “/ });

  await remove.focus();
  await page.keyboard.press("Enter");
  await expect(question.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(question).toHaveCount(0);
  await expect(passkeys).toHaveCount(1);
  await expect(remove).toBeFocused();

  await remove.click();
  await expect(question).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(question).toHaveCount(0);
  await expect(remove).toBeFocused();

  // The step-up that follows a yes hands focus back as well when cancelled.
  await remove.click();
  await question.getByRole("button", { name: "Remove passkey" }).click();
  const stepUp = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(stepUp.getByLabel("Code from your authenticator app")).toBeFocused();
  await stepUp.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("Cancelled: nothing was changed.")).toBeVisible();
  await expect(remove).toBeFocused();
  await expect(passkeys).toHaveCount(1);

  const add = page.getByRole("button", { name: "Add a passkey" });
  await add.click();
  await expect(stepUp).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(stepUp).toHaveCount(0);
  await expect(add).toBeFocused();
});

test("two-factor set-up takes only a 6-digit code, and says so", async ({ page }) => {
  await signUp(page);
  await page.goto("/account/two-factor");
  await page.getByRole("button", { name: "Set up authenticator app" }).click();
  const code = page.getByLabel("6-digit code");
  await expect(code).toHaveAttribute("inputmode", "numeric");
  await expect(code).toHaveAttribute("autocomplete", "one-time-code");
  await expect(code).toHaveAccessibleDescription(/6 digits/);
  await code.fill("abc");
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  expect(await code.evaluate((input: HTMLInputElement) => input.validity.patternMismatch)).toBe(true);
  await expect(page.getByText("That code didn't match", { exact: false })).toHaveCount(0);
});

test("signed in: the home page links to the account, and the support console counts one passkey as one", async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto("/");
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in", exact: true })).toBeVisible();

  const { email } = await apiAccount(page, baseURL!);
  await page.goto("/");
  await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to your account" })).toHaveAttribute("href", "/account");
  await expect(page.getByText("Already have an account?")).toHaveCount(0);

  // The support person is another browser: two-factor, a passkey of their own, and the console opened with it.
  const staff = await browser.newPage();
  await supportStaff(staff);
  await staff.getByLabel("Email").fill(email);
  await staff.getByRole("button", { name: "Look up" }).click();
  await expect(staff.getByText("1 passkey", { exact: true })).toBeVisible();
  await staff.context().close();
});
