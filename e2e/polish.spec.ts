// What a demanding person notices (issue 13, item 8), as they see it: the passkey card says its name once and its
// transports in words; the activity log names each sign-in mode and a rename's old and new name, and a 64-character
// name does not push its columns off-screen (also at 390 px); the passkey sign-in error lists one cause per line; every
// date is in the person's own locale; the report card sums up its steps and its buttons read as sentences.
import { createClient } from "@libsql/client";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { signOut, signUpWithPasskey } from "./fixtures/account";
import { ReportCardPage, reportCardKinds } from "./fixtures/report-card";
import { SERVER_DATABASE_URL } from "./fixtures/server-database";
import { VirtualAuthenticator } from "@passkey-lab/kit/playwright";

// The maximum a passkey name may have (lib/webauthn/passkeys.ts), as one unbroken word: the hardest to fit.
const LONGEST_NAME = "WorkLaptopInTheSecondOfficeOnFloorFourNextToThePrinterByTheDoor1";

// German dates in Berlin time: "07.12.2026, 06:42", or the day alone.
const GERMAN_DATE = /^\d{2}\.\d{2}\.\d{4}(, \d{2}:\d{2})?$/;

/** Every date the page shows, once the browser has put them in the person's locale. */
async function expectEveryDate(page: Page, format: RegExp) {
  const times = page.locator("time");
  await expect(times.first()).toBeVisible();
  // Server HTML says UTC until the browser takes over; then every one reads in the person's format.
  await expect.poll(async () => (await times.allInnerTexts()).filter((text) => !format.test(text))).toEqual([]);
}

/** Every part of `locator` lies inside the window's width: nothing pushed off-screen. */
async function expectOnScreen(page: Page, locator: Locator) {
  const width = page.viewportSize()!.width;
  for (const part of await locator.all()) {
    const box = (await part.boundingBox())!;
    expect(box.x, `${await part.innerText()} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${await part.innerText()} ends on screen`).toBeLessThanOrEqual(width);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test.describe("in German, in Berlin", () => {
  test.use({ locale: "de-DE", timezoneId: "Europe/Berlin" });

  test("the passkey card, the three sign-in modes and a rename in the activity log, a 64-character name on a laptop and a phone", async ({
    page,
  }) => {
    const { email, setAutofill } = await signUpWithPasskey(page);

    // The card: the authenticator's name once (it is the default name), its transport in words.
    const card = page.getByRole("listitem", { name: "Chromium virtual authenticator" });
    await expect(card.getByText("Chromium virtual authenticator", { exact: true })).toHaveCount(1);
    await expect(card.getByText("This device", { exact: true })).toBeVisible();
    await expect(card.getByText("internal", { exact: true })).toHaveCount(0);
    await expectEveryDate(page, GERMAN_DATE);

    // Three passkey sign-ins, one per mode.
    await signOut(page);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await signOut(page);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await setAutofill(true);
    await signOut(page);
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await setAutofill(false);

    // The longest name there may be; the card then names the authenticator below it.
    await card.getByRole("button", { name: "Rename" }).click();
    await page.getByLabel("Passkey name").fill(LONGEST_NAME);
    await page.getByRole("button", { name: "Save" }).click();
    const renamed = page.getByRole("listitem", { name: LONGEST_NAME });
    await expect(renamed.getByText("Chromium virtual authenticator", { exact: true })).toBeVisible();

    await page.goto("/account/activity");
    const log = page.getByRole("table", { name: "Account activity" });
    const rows = (what: string) =>
      log.getByRole("row").filter({ has: page.getByRole("cell", { name: what, exact: true }) });
    const signIns = rows("Signed in with a passkey");
    await expect(signIns).toHaveCount(3);
    // Newest first: autofill, then usernameless, then username-first.
    await expect(signIns.nth(0)).toContainText("passkey picked from the email field's suggestions (autofill)");
    await expect(signIns.nth(1)).toContainText("passkey picked from the browser's list, no email typed (usernameless)");
    await expect(signIns.nth(2)).toContainText("email typed first, then the passkey (username-first)");
    await expect(rows("Passkey renamed")).toContainText(`“Chromium virtual authenticator” → “${LONGEST_NAME}”`);
    await expectEveryDate(page, GERMAN_DATE);

    // A laptop: all four columns on screen.
    await expectOnScreen(page, log.getByRole("columnheader"));
    await expectOnScreen(page, rows("Passkey renamed").getByRole("cell"));

    // A phone: each event stacks its four parts, every one on screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectOnScreen(page, rows("Passkey renamed").getByRole("cell"));
    await expectOnScreen(page, signIns.first().getByRole("cell"));

    // The wizard's list of the person's passkeys: the day, in the same words.
    await page.goto("/troubleshoot");
    const listed = page.getByRole("list", { name: "Your passkeys and where they live" });
    await expect(listed.locator("time")).toHaveText(/^\d{2}\.\d{2}\.\d{4}$/);
  });

  test("a stored conformance run and its page show their start in the person's locale", async ({
    page,
    context,
    baseURL,
  }) => {
    const owner = newToken();
    await context.addCookies([{ name: "pl_conformance_runs", value: owner, url: baseURL! }]);
    const id = `e2e${newToken(12)}`;
    const database = createClient({ url: SERVER_DATABASE_URL, timeout: 5_000 });
    const startedAt = Date.UTC(2026, 11, 7, 5, 42);
    await database.execute({
      sql: `insert into conformance_runs (id, owner_hash, target, status, total, passed, failed, skipped, cases, started_at, finished_at)
            values (?, ?, 'https://localhost/fido', 'finished', 10, 10, 0, 0, '[]', ?, ?)`,
      args: [id, hashToken(owner), startedAt, startedAt + 30_000],
    });
    database.close();

    await page.goto("/conformance");
    await expect(page.getByRole("table", { name: "Recent runs" }).locator("time")).toHaveText("07.12.2026, 06:42");
    await page.goto(`/conformance/runs/${id}`);
    await expect(page.locator("time").first()).toHaveText("07.12.2026, 06:42");
  });
});

test("a passkey sign-in the browser refuses: what happened, then one cause per line with the likely one first, and the browser's own words as detail", async ({
  page,
}) => {
  // An authenticator that holds no passkey for this site: the browser refuses with NotAllowedError.
  await VirtualAuthenticator.attach(page);
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();

  const alert = page.getByRole("alert").filter({ hasText: "The passkey request did not finish." });
  await expect(alert).toBeVisible();
  await expect(alert.getByText("Most likely: The passkey prompt was closed or cancelled.")).toBeVisible();
  const others = alert.getByRole("list", { name: "Other possible causes" }).getByRole("listitem");
  await expect(others).toHaveText([
    "The device or password manager you picked holds no passkey for this site.",
    "The request timed out before a passkey answered.",
    "Your fingerprint, face or PIN was not recognised.",
    "Another passkey request was still open in this browser.",
  ]);
  await expect(alert.getByRole("list", { name: "What to do" }).getByRole("listitem").first()).toContainText(
    "does not count as a failed attempt",
  );

  await alert.getByText("Technical detail").click();
  const detail = alert.locator("code");
  await expect(detail).toHaveText(/^NotAllowedError: /);
  await expect(detail).not.toContainText("ERROR_");
});

test("the report card sums up its steps at the top, and its buttons read as sentences", async ({ page }) => {
  await VirtualAuthenticator.attach(page, reportCardKinds.platformManager);
  const card = new ReportCardPage(page);
  await card.open();
  const summary = page.getByRole("status", { name: "Report card summary" });
  await expect(summary).toHaveText(/^0 of \d+ steps run yet\.$/);
  // As many steps as the page shows, one Run button each.
  const steps = await page.getByRole("button", { name: /^Run “/ }).count();
  expect(steps).toBeGreaterThanOrEqual(15);
  await expect(summary).toHaveText(`0 of ${steps} steps run yet.`);
  // Above the first step.
  const summaryTop = (await summary.boundingBox())!.y;
  expect(summaryTop).toBeLessThan((await card.step("A passkey with user verification").boundingBox())!.y);

  const step = card.step("Attestation none");
  await expect(step.getByRole("button", { name: "Run “Attestation none”", exact: true })).toBeVisible();
  await card.run("Attestation none");
  await expect(step.getByRole("button", { name: "Run again “Attestation none”", exact: true })).toBeVisible();
  await card.run("A passkey with user verification");
  await expect(summary).toHaveText(`2 of ${steps} steps run: 2 supported.`);
});
