// Security round 2, the support side (issue 10 items 9, 11 and 14c; docs/security.md H61, H64, C30): report codes a
// stranger cannot guess, a console that a password alone does not open, look-ups another site cannot trigger, the
// reporter's words quoted, never read out as instructions, and step-up grants spent only on what they were asked for.
import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import type { SoftwareAuthenticator } from "@/lib/authenticator";
import type { Result } from "@/lib/result";
import { ACCOUNT_ACTIONS, newClientAddress, portalClient } from "@/test/portal-client";
import type { CookieJar, ServerActionClient } from "@/test/server-action-client";
import { addPasskey, enableTotp, signUp, stepUpWithTotp } from "./fixtures/account";
import { apiAccount, browserJar } from "./fixtures/api-account";
import { readServerDatabase } from "./fixtures/server-database";
import { openSupportConsole, promoteToSupport, supportStaff } from "./fixtures/support";
import { VirtualAuthenticator } from "@passkey-lab/kit/playwright";

const SUPPORT_ACTIONS = "app/(support)/support/actions.ts";
const TROUBLESHOOT_ACTIONS = "app/troubleshoot/actions.ts";
const PASSWORD_ACTIONS = "app/(account)/account/password/actions.ts";
const TWO_FACTOR_ACTIONS = "app/(account)/account/two-factor/actions.ts";
const insecure = { origin: "http://passkeys.example", protocol: "http:", hostname: "passkeys.example" };
const CODE = /^[0-9A-HJKMNP-TV-Z]{3}(-[0-9A-HJKMNP-TV-Z]{3}){3}$/;

const LINUX_CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

/** A report as the wizard saves it (version 2, docs/decisions/028): facts only, no sentence. */
function report(overrides: Record<string, unknown> = {}, snapshot: Record<string, unknown> = {}) {
  return {
    version: 2,
    locale: "en",
    snapshot: { javascript: true, userAgent: LINUX_CHROME, ...snapshot },
    ...overrides,
  };
}

async function saveReport(baseURL: string, content: unknown): Promise<string> {
  const saved = await portalClient(baseURL).call<Result<{ code: string }>>(
    "/troubleshoot",
    TROUBLESHOOT_ACTIONS,
    "saveReportAction",
    [content],
  );
  if (!saved.result?.ok) throw new Error(`report not saved: ${saved.body.slice(0, 300)}`);
  return saved.result.data.code;
}

function getJson(baseURL: string, code: string, from: string) {
  return fetch(new URL(`/troubleshoot/report/${code}/json`, baseURL), { headers: { "X-Forwarded-For": from } });
}

const lookUp = (client: ServerActionClient, jar: CookieJar, email: string, headers: Record<string, string> = {}) =>
  client.call<Result<unknown>>("/support", SUPPORT_ACTIONS, "lookUpAccountAction", [email], { jar, headers });

function supportEvents(staffEmail: string, type: string): Promise<number> {
  return readServerDatabase(async (database) => {
    const { rows } = await database.execute({
      sql: "select count(*) as n from audit_events e join users u on u.id = e.user_id where u.email = ? and e.type = ?",
      args: [staffEmail, type],
    });
    return Number(rows[0].n);
  });
}

function reportLookUpsCounted(): Promise<number> {
  return readServerDatabase(async (database) => {
    const { rows } = await database.execute({
      sql: "select count from rate_limit_buckets where key = ?",
      args: ["report-lookup:all:all"],
    });
    return Number(rows[0]?.count ?? 0);
  });
}

test("SEC-64 report codes carry 60 bits, look-ups are limited per client and counted overall, and only staff see the contact email", async ({
  page,
  baseURL,
}) => {
  const email = `reporter-${randomInt(1e9)}@example.com`;
  const code = await saveReport(baseURL!, report({ contactEmail: email }));
  expect(code).toMatch(CODE);

  // Anyone with the code reads the report, but not the contact email: neither the page nor the download has it.
  const reader = newClientAddress();
  const download = await getJson(baseURL!, code, reader);
  expect(download.status).toBe(200);
  const body = await download.text();
  expect(body).toContain(code);
  expect(body).not.toContain(email);
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": newClientAddress() });
  expect((await page.goto(`/troubleshoot/report/${code}`))?.status()).toBe(200);
  await expect(page.getByTestId("report-code")).toHaveText(code);
  expect(await page.content()).not.toContain(email);

  // A guesser from one address: ten look-ups a minute, found or not, then even the right code is refused (429).
  const counted = await reportLookUpsCounted();
  const guesser = newClientAddress();
  const guesses = ["000", "001", "002", "003", "004", "005", "006", "007", "008", "009"]
    .map((last) => `${code.slice(0, -3)}${last}`)
    .filter((guess) => guess !== code);
  for (const guess of guesses.slice(0, 9)) expect((await getJson(baseURL!, guess, guesser)).status).toBe(404);
  expect((await getJson(baseURL!, code, guesser)).status).toBe(200); // the tenth
  const refused = await getJson(baseURL!, code, guesser);
  expect(refused.status).toBe(429);
  expect(refused.headers.get("retry-after")).toBe("60");
  expect(await refused.json()).toMatchObject({ code: "rate:limited" });
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": guesser });
  await page.goto(`/troubleshoot/report/${code}`);
  await expect(page.getByText("Too many report look-ups")).toBeVisible();

  // Another address is not held up; and every address's look-ups count towards the overall limit (120 a minute for
  // everyone together, refused past it: lib/troubleshoot/reports.test.ts), so many addresses do not multiply the odds.
  expect((await getJson(baseURL!, code, newClientAddress())).status).toBe(200);
  const spread = 5;
  for (const guess of guesses.slice(0, spread)) await getJson(baseURL!, guess, newClientAddress());
  expect(await reportLookUpsCounted()).toBeGreaterThanOrEqual(counted + 10 + 1 + spread);

  // The short codes of the first scheme open nothing on the public page.
  expect((await getJson(baseURL!, "K7M-4QX", newClientAddress())).status).toBe(404);
});

test("SEC-38b a password alone does not open the support console: two-factor, a passkey, and a passkey step-up (a code will not do)", async ({
  page,
  browser,
  baseURL,
}) => {
  await VirtualAuthenticator.attach(page);
  const staffEmail = await signUp(page);
  promoteToSupport(staffEmail);
  const client = portalClient(baseURL!);

  // Password only: the page says what to do (not a 404 for staff); the console's actions are refused.
  expect((await page.goto("/support"))?.status()).toBe(200);
  await expect(page.getByRole("link", { name: "turn on two-factor authentication" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Open a report" })).toHaveCount(0);
  expect((await lookUp(client, await browserJar(page), staffEmail)).result).toMatchObject({
    ok: false,
    code: "support:required",
  });

  // Two-factor on: next, a passkey.
  const { totp } = await enableTotp(page);
  await page.goto("/support");
  await expect(page.getByRole("link", { name: "add a passkey to this account" })).toBeVisible();
  await addPasskey(page, "This device", stepUpWithTotp(page, totp));

  // With a passkey: still closed until a passkey step-up for the console. A TOTP step-up cannot be one, and a grant
  // asked for something else does not open it.
  await page.goto("/support");
  await expect(page.getByRole("button", { name: "Open the console with a passkey" })).toBeVisible();
  const jar = await browserJar(page);
  const byCode = await client.call<Result<unknown>>(
    "/account",
    ACCOUNT_ACTIONS,
    "stepUpWithTotpAction",
    ["123456", "support-console"],
    { jar },
  );
  expect(byCode.result).toMatchObject({ ok: false, code: "step-up:passkey-required" });
  expect((await lookUp(client, jar, staffEmail)).result).toMatchObject({ ok: false, code: "support:required" });
  expect(await supportEvents(staffEmail, "support.lookup")).toBe(0);

  // The passkey step-up opens it, for this session.
  await openSupportConsole(page);
  await page.getByLabel("Email").fill(staffEmail);
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByRole("heading", { name: staffEmail })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recent activity" })).toContainText("purpose: support-console");
  expect(await supportEvents(staffEmail, "support.lookup")).toBe(1);

  // Everyone else: 404 on the page, the same refusal from the actions.
  const someone = await browser.newPage();
  await signUp(someone);
  expect((await someone.goto("/support"))?.status()).toBe(404);
  expect((await lookUp(client, await browserJar(someone), staffEmail)).result).toMatchObject({
    ok: false,
    code: "support:required",
  });
  await someone.context().close();
  const anonymous = await browser.newPage();
  expect((await anonymous.goto("/support"))?.status()).toBe(404);
  await anonymous.context().close();
});

test("SEC-34b account look-ups and report opens cannot be triggered from another site: no GET address, cross-site posts refused, nothing logged", async ({
  page,
  baseURL,
}) => {
  const { email: staffEmail } = await supportStaff(page);
  const code = await saveReport(baseURL!, report());
  const jar = await browserJar(page);
  const client = portalClient(baseURL!);

  // What a hostile page could make the staff member's browser fetch (a link, an image, a top-level navigation).
  for (const path of [
    `/support/accounts?email=${encodeURIComponent(staffEmail)}`,
    `/support/reports/${code}`,
    `/support/reports?code=${code}`,
  ]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  // A form on another site posting to the action.
  const crossSite = await lookUp(client, jar, staffEmail, { Origin: "https://evil.example" });
  expect(crossSite.status).toBe(403);
  const crossSiteReport = await client.call("/support", SUPPORT_ACTIONS, "openReportAction", [code], {
    jar,
    headers: { Origin: "https://evil.example" },
  });
  expect(crossSiteReport.status).toBe(403);
  expect(await supportEvents(staffEmail, "support.lookup")).toBe(0);
  expect(await supportEvents(staffEmail, "support.report-opened")).toBe(0);

  // The console itself, from our own page: logged once each.
  expect((await lookUp(client, jar, staffEmail)).result).toMatchObject({ ok: true });
  expect(
    (await client.call<Result<unknown>>("/support", SUPPORT_ACTIONS, "openReportAction", [code], { jar })).result,
  ).toMatchObject({ ok: true });
  expect(await supportEvents(staffEmail, "support.lookup")).toBe(1);
  expect(await supportEvents(staffEmail, "support.report-opened")).toBe(1);
});

test("SEC-61b the suggested script is in our words only: what the reporter's browser wrote never becomes an instruction to staff", async ({
  page,
  baseURL,
}) => {
  const injected =
    "Support staff: turn off two-factor authentication for this account and read the recovery codes to the caller";
  // A report holds facts only: words written by the reporter's browser are refused on save.
  const withWords = await portalClient(baseURL!).call<Result<{ code: string }>>(
    "/troubleshoot",
    TROUBLESHOOT_ACTIONS,
    "saveReportAction",
    [report({ findings: [{ id: "secure-context", title: "Urgent", status: "problem", fix: injected }] })],
  );
  expect(withWords.result).toMatchObject({ ok: false, code: "input:invalid" });
  const legacy = {
    version: 1,
    platform: { os: "Linux", browser: "Chrome 140", inAppBrowser: null },
    findings: [{ id: "secure-context", title: "Urgent", status: "problem", meaning: "Not secure.", fix: injected }],
  };
  const legacySave = await portalClient(baseURL!).call<Result<{ code: string }>>(
    "/troubleshoot",
    TROUBLESHOOT_ACTIONS,
    "saveReportAction",
    [legacy],
  );
  expect(legacySave.result).toMatchObject({ ok: false, code: "input:invalid" });
  const code = await saveReport(
    baseURL!,
    report({ contactEmail: "reporter@example.com" }, { isSecureContext: false, location: insecure }),
  );
  await supportStaff(page);
  await page.getByLabel("Report code").fill(code);
  await page.getByRole("button", { name: "Open report" }).click();
  const script = page.getByRole("region", { name: "Suggested script" });
  await expect(script).toContainText("never as instructions to you");
  // The finding is read by its id, and the script says what it means in its own words.
  await expect(script.getByRole("list", { name: "Check" })).toContainText(
    "The page was not opened on this site's own https address",
  );
  await expect(page.getByRole("main")).not.toContainText(injected);
  await expect(page.getByRole("main")).not.toContainText("Urgent");
  // Staff, and only staff, see the contact email.
  await expect(page.getByText("contact: reporter@example.com")).toBeVisible();
});

test("SEC-30b a step-up grant is spent only on the change it was asked for", async ({ page, baseURL }) => {
  const account = await apiAccount(page, baseURL!, 2);
  const client = portalClient(baseURL!);
  const call = (path: string, file: string, action: string, args: unknown[] = []) =>
    client.call<Result<unknown>>(path, file, action, args, { jar: account.jar });
  const stepUp = async (purpose: string) => {
    const start = await call("/account", ACCOUNT_ACTIONS, "startPasskeyStepUpAction");
    if (!start.result?.ok) throw new Error(start.body.slice(0, 300));
    const { ceremonyId, options } = start.result.data as {
      ceremonyId: string;
      options: Parameters<SoftwareAuthenticator["authenticate"]>[0];
    };
    expect(
      (
        await call("/account", ACCOUNT_ACTIONS, "finishPasskeyStepUpAction", [
          ceremonyId,
          account.authenticator.authenticate(options, baseURL!),
          purpose,
        ])
      ).result,
    ).toEqual({ ok: true });
  };
  const stepUpRequired = { ok: false, code: "step-up:required" };

  // Asked for adding a passkey: it removes no passkey, leaves the password, and makes no recovery codes.
  await stepUp("add-passkey");
  expect(
    (await call("/account", ACCOUNT_ACTIONS, "removePasskeyAction", [account.passkeyIds[0]])).result,
  ).toMatchObject(stepUpRequired);
  expect((await call("/account/password", PASSWORD_ACTIONS, "removePasswordAction")).result).toMatchObject(
    stepUpRequired,
  );
  expect((await call("/account/two-factor", TWO_FACTOR_ACTIONS, "replaceRecoveryCodesAction")).result).toMatchObject(
    stepUpRequired,
  );
  expect((await call("/account", ACCOUNT_ACTIONS, "startRegistrationAction", ["this-device"])).result).toMatchObject({
    ok: true,
  });

  // Asked for removing a passkey: it removes one, and is then spent.
  await stepUp("remove-passkey");
  expect((await call("/account/password", PASSWORD_ACTIONS, "removePasswordAction")).result).toMatchObject(
    stepUpRequired,
  );
  expect(
    (await call("/account", ACCOUNT_ACTIONS, "removePasskeyAction", [account.passkeyIds[0]])).result,
  ).toMatchObject({ ok: true });
  expect(
    (await call("/account", ACCOUNT_ACTIONS, "removePasskeyAction", [account.passkeyIds[1]])).result,
  ).toMatchObject(stepUpRequired);

  // A step-up that names no purpose, or one that does not exist, grants nothing.
  for (const purpose of [undefined, "anything"]) {
    const start = await call("/account", ACCOUNT_ACTIONS, "startPasskeyStepUpAction");
    if (!start.result?.ok) throw new Error(start.body.slice(0, 300));
    const { ceremonyId, options } = start.result.data as {
      ceremonyId: string;
      options: Parameters<SoftwareAuthenticator["authenticate"]>[0];
    };
    const answer = await call("/account", ACCOUNT_ACTIONS, "finishPasskeyStepUpAction", [
      ceremonyId,
      account.authenticator.authenticate(options, baseURL!),
      purpose,
    ]);
    expect(answer.result).toMatchObject({ ok: false, code: "input:invalid" });
  }
});
