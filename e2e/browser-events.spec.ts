// What the browser saw (issue 16 item 1): a passkey request the browser cancels never reaches the server's verifier,
// yet the person's activity, the report and the support console show it, in our words; and what a stranger can send
// as a "browser event" is refused whole unless it is one of ours, limited per address, never stored as text.
import { createHash } from "node:crypto";
import { expect, test } from "@passkey-lab/kit/playwright";
import type { Page } from "@playwright/test";
import { CookieJar } from "@/test/server-action-client";
import { addPasskey, enableTotp, signOut, signUp, stepUpWithTotp } from "./fixtures/account";
import { portalClient } from "@/test/portal-client";
import { readServerDatabase } from "./fixtures/server-database";
import { supportStaff } from "./fixtures/support";

const ACTIONS = "lib/browser-events/actions.ts";
const CANCELLED_SIGN_IN = "Your browser cancelled a passkey sign-in";

type Answer = { ok: true; data: null } | { ok: false; code: string; message: string; detail?: string };

const event = {
  ceremony: "sign-in",
  mediation: "modal",
  outcome: "NotAllowedError",
  durationMs: 2500,
  wrapped: false,
  capabilities: {
    secureContext: true,
    platformAuthenticator: false,
    conditionalMediation: true,
    hybridTransport: null,
    passkeyPlatformAuthenticator: null,
    signalApi: true,
  },
};

const BROWSER_COOKIE = "passkey-lab.browser";

const eventsOf = (jar: CookieJar) =>
  readServerDatabase(async (database) => {
    const hash = createHash("sha256")
      .update(jar.get(BROWSER_COOKIE) ?? "")
      .digest("base64url");
    const rows = await database.execute({ sql: "select * from browser_events where browser_hash = ?", args: [hash] });
    return rows.rows;
  });

test("a forged browser event (free text, an unknown name, credential material) is refused with a typed error and nothing is stored; each address gets 30 a minute", async ({
  baseURL,
}) => {
  const client = portalClient(baseURL!);
  const jar = new CookieJar();
  const report = (sent: unknown) =>
    client.call<Answer>("/sign-in", ACTIONS, "reportBrowserEventAction", [sent], { jar });

  // One real event gives this client its browser cookie, to count what is stored under it.
  const first = await report(event);
  expect(first.result).toEqual({ ok: true, data: null });
  expect(jar.get(BROWSER_COOKIE)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(await eventsOf(jar)).toHaveLength(1);

  const forged = [
    { ...event, outcome: "NotAllowedError: call support on +1 555 0100" },
    { ...event, outcome: "EvilError" },
    { ...event, ceremony: "<img src=x onerror=alert(1)>" },
    { ...event, message: "The user cancelled the request." },
    { ...event, credentialId: "q83vEjRWeJA", rawId: "q83vEjRWeJA" },
    { ...event, response: { clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0", signature: "MEUCIQ" } },
    { ...event, capabilities: { ...event.capabilities, userAgent: "Mozilla/5.0 <b>" } },
    { ...event, durationMs: "2500" },
    "NotAllowedError",
    null,
  ];
  for (const sent of forged) {
    const answer = await report(sent);
    expect(answer.status).toBe(200);
    expect(answer.result).toMatchObject({ ok: false, code: "browser-event:invalid" });
    // The answer repeats nothing the caller wrote.
    expect(answer.body).not.toContain("555 0100");
    expect(answer.body).not.toContain("q83vEjRWeJA");
  }
  expect(await eventsOf(jar)).toHaveLength(1);

  // 30 a minute from one address, forged ones included: the rest are refused, and not stored.
  for (let sent = 1 + forged.length; sent < 30; sent++)
    expect((await report(event)).result).toEqual({ ok: true, data: null });
  expect((await report(event)).result).toMatchObject({ ok: false, code: "rate:limited" });
  expect(await eventsOf(jar)).toHaveLength(30 - forged.length);
  // Another address is counted on its own.
  const other = portalClient(baseURL!);
  expect((await other.call<Answer>("/sign-in", ACTIONS, "reportBrowserEventAction", [event])).result).toEqual({
    ok: true,
    data: null,
  });
});

/** Resolves when the page has reported a refused passkey request to the server. */
const reportedRefusal = (page: Page) =>
  page.waitForResponse(
    (response) =>
      response.request().method() === "POST" &&
      (response.request().postData() ?? "").includes('"outcome":"NotAllowedError"'),
  );

test("a cancelled passkey sign-in shows in the person's activity, in their report and in the support console beside the server's verdicts", async ({
  page,
  authenticator,
  browser,
}) => {
  const email = await signUp(page);
  const { totp } = await enableTotp(page);
  await addPasskey(page, "This device", stepUpWithTotp(page, totp));
  await signOut(page);

  // Signed out, the person cancels the passkey prompt: the server's verifier never hears of it.
  authenticator.cancelNextCeremony();
  await page.getByLabel("Email").fill(email);
  const reported = reportedRefusal(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The passkey request did not finish." })).toBeVisible();
  await reported;

  // They save a troubleshooting report from this browser, still signed out.
  await page.goto("/troubleshoot");
  await expect(page.getByTestId("platform")).toBeVisible();
  await page.getByRole("button", { name: "Save report" }).click();
  const code = (await page.getByTestId("saved-code").innerText()).trim();

  // Then sign in with the passkey: this browser's attempt joins their activity, in words.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  // Signed in, a cancelled passkey check is the account's straight from the session.
  await page.getByRole("button", { name: "Add a passkey" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
  authenticator.cancelNextCeremony();
  const stepUpReported = reportedRefusal(page);
  await dialog.getByRole("button", { name: "Confirm with a passkey" }).click();
  await stepUpReported;

  await page.goto("/account/activity");
  const seen = page.getByRole("list", { name: "Passkey requests in your browser" }).getByRole("listitem");
  await expect(seen.filter({ hasText: CANCELLED_SIGN_IN })).toContainText("from a button");
  await expect(seen.first()).toHaveText(/^Your browser cancelled a passkey check to confirm it was you/);

  // Support staff: the report and the account each show one timeline, the browser's events beside the server's.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await supportStaff(staff);
  await staff.getByLabel("Report code").fill(code);
  await staff.getByRole("button", { name: "Open report" }).click();
  const reportTimeline = staff.getByRole("list", { name: "Report timeline" }).getByRole("listitem");
  // The kit's authenticator replaces navigator.credentials.get, as a password manager's extension would.
  await expect(reportTimeline.filter({ hasText: CANCELLED_SIGN_IN })).toContainText(
    "an extension had replaced the browser's passkey functions",
  );
  await expect(reportTimeline.filter({ hasText: CANCELLED_SIGN_IN })).toContainText("browser answer: NotAllowedError");

  await staff.getByLabel("Email").fill(email);
  await staff.getByRole("button", { name: "Look up" }).click();
  const timeline = staff.getByRole("list", { name: "Recent activity" }).getByRole("listitem");
  await expect(timeline.filter({ hasText: CANCELLED_SIGN_IN })).toContainText("Browser");
  await expect(timeline.filter({ hasText: "Signed in with a passkey" })).toContainText("Server");
  // Newest first: the server's sign-in came after the browser's cancelled attempt.
  const order = await timeline.allInnerTexts();
  const signedIn = order.findIndex((line) => line.includes("Signed in with a passkey"));
  expect(signedIn).toBeLessThan(order.findIndex((line) => line.includes(CANCELLED_SIGN_IN)));
  await staffContext.close();
});
