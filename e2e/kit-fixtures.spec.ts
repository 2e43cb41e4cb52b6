// The kit's Playwright fixtures (@passkey-lab/kit/playwright) against the portal's own pages: Playwright's
// cross-browser authenticator registers, signs in, counts, fails or cancels on request and travels to a fresh
// context; a DevTools-protocol kind (a synced passkey) behaves as that kind.
import {
  Authenticator,
  expect,
  test,
  type PasskeyStorageState,
  type StoredCredential,
} from "@passkey-lab/kit/playwright";
import type { Browser, Page } from "@playwright/test";
import { addPasskey, enableTotp, signOut, signUp, stepUpWithTotp } from "./fixtures/account";

const RP_ID = "localhost";
const NOT_COMPLETED = "The passkey request did not finish.";

/** A new person with two-factor on (the portal asks for it first) and a "This device" passkey, signed out. */
async function signUpWithPasskey(page: Page): Promise<string> {
  const email = await signUp(page);
  const { totp } = await enableTotp(page);
  await addPasskey(page, "This device", stepUpWithTotp(page, totp));
  await signOut(page);
  return email;
}

async function signInWithPasskey(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
}

async function expectSignedIn(page: Page) {
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
}

async function newPage(browser: Browser, baseURL: string | undefined, storageState?: PasskeyStorageState) {
  const context = await browser.newContext({ baseURL, storageState });
  return { context, page: await context.newPage() };
}

test("a passkey registered through the portal signs in and counts up; a failed or cancelled next ceremony leaves the person signed out with the portal's message", async ({
  page,
  authenticator,
}) => {
  const email = await signUpWithPasskey(page);
  const [passkey] = await authenticator.credentials({ rpId: RP_ID });
  expect(await authenticator.counter(passkey.id)).toBe(0);

  await signInWithPasskey(page, email);
  await expectSignedIn(page);
  expect(await authenticator.counter(passkey.id)).toBe(1);

  await signOut(page);
  for (const makeNextCeremonyFail of [
    () => authenticator.failNextCeremony(),
    () => authenticator.cancelNextCeremony(),
  ]) {
    await page.goto("/sign-in");
    makeNextCeremonyFail();
    await signInWithPasskey(page, email);
    await expect(page.getByRole("alert").filter({ hasText: NOT_COMPLETED })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(await authenticator.counter(passkey.id)).toBe(1);
  }

  // The switch is spent: the next ceremony goes through again.
  await signInWithPasskey(page, email);
  await expectSignedIn(page);
  expect(await authenticator.counter(passkey.id)).toBe(2);
});

test("a passkey carried in storageState, or exported and seeded again, signs in from a fresh context", async ({
  page,
  authenticator,
  browser,
  baseURL,
}) => {
  const email = await signUpWithPasskey(page);
  const state = await authenticator.storageState();
  expect(state.credentials).toHaveLength(1);

  const carried = await newPage(browser, baseURL, state);
  // The storage state installed Playwright's authenticator by itself; the kit's adds the switches (autofill off).
  await Authenticator.install(carried.context);
  await carried.page.goto("/sign-in");
  await signInWithPasskey(carried.page, email);
  await expectSignedIn(carried.page);
  // What the carried copy holds now: the key and the counter the portal saw last (1), for the next test to seed.
  const [exported]: StoredCredential[] = await carried.context.credentials.get({ rpId: RP_ID });
  expect(exported.signCount).toBe(1);
  await carried.context.close();

  const seeded = await newPage(browser, baseURL);
  const copy = await Authenticator.install(seeded.context);
  await copy.seed(RP_ID, exported);
  await seeded.page.goto("/sign-in");
  await signInWithPasskey(seeded.page, email);
  await expectSignedIn(seeded.page);
  expect(await copy.counter(exported.id)).toBe(2);
  await seeded.context.close();
});

test("a DevTools-protocol backed-up platform authenticator behaves as one: its passkey is listed as synced", async ({
  page,
  virtualAuthenticator,
}) => {
  const authenticator = await virtualAuthenticator("platformBackedUp");
  await signUp(page);
  const { totp } = await enableTotp(page);
  await addPasskey(page, "This device", stepUpWithTotp(page, totp));
  await expect(
    page.getByRole("listitem", { name: "Chromium virtual authenticator" }).getByText("Synced", { exact: true }),
  ).toBeVisible();
  expect(await authenticator.credentials()).toHaveLength(1);
});
