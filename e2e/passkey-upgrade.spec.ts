// Issue 15 items 1, 2 and 5: the automatic passkey upgrade (conditional create) and immediate sign-in.
// Chromium 156's virtual authenticator answers `uiMode: "immediate"` (the passkey at once, or NotAllowedError at once
// without one) but keeps a `mediation: "conditional"` create pending forever (no password manager decides), so the
// upgrade's server side is driven over HTTP with the software authenticator sending UP=0, as a password manager does.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { SoftwareAuthenticator } from "@/lib/authenticator";
import { CookieJar, type ServerActionClient } from "@/test/server-action-client";
import {
  enableTotp,
  PASSWORD,
  signOut,
  signUp,
  signUpWithPasskey,
  stepUpWithTotp,
  type TotpApp,
} from "./fixtures/account";
import { ACCOUNT_ACTIONS, portalClient, SIGN_IN_ACTIONS } from "@/test/portal-client";
import { ReportCardPage, reportCardKinds } from "./fixtures/report-card";
import { readServerDatabase } from "./fixtures/server-database";
import { installAutofillSwitch, VirtualAuthenticator } from "@passkey-lab/kit/playwright";

/** A resident credential with the account's user handle, put straight into the virtual authenticator over CDP. */
/** A passkey on `authenticatorId` that the server does not know: for `email`'s account, or for an account deleted since. */
async function addStrayPasskey(page: Page, authenticatorId: string, owner: { email: string } | "deleted account") {
  const userHandle =
    owner === "deleted account"
      ? randomBytes(64)
      : Buffer.from(
          await readServerDatabase(async (database) => {
            const { rows } = await database.execute({
              sql: "select webauthn_user_id from users where email = ?",
              args: [owner.email],
            });
            return String(rows[0]?.webauthn_user_id);
          }),
          "base64url",
        );
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.addCredential", {
    authenticatorId,
    credential: {
      credentialId: randomBytes(32).toString("base64"),
      isResidentCredential: true,
      rpId: "localhost",
      privateKey: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
      userHandle: userHandle.toString("base64"),
      signCount: 0,
    },
  });
}

const UPGRADE_ACTIONS = "app/(account)/account/automatic-upgrade-actions.ts";
type Answer<T = unknown> = { ok: true; data: T } | { ok: false; code: string; message: string; detail?: string };
type Started = { ceremonyId: string; options: Parameters<SoftwareAuthenticator["register"]>[0] };

/** Password + authenticator code over HTTP, as the sign-in page sends them: the jar then holds that session. */
async function signInWithTotp(client: ServerActionClient, email: string, totp: TotpApp): Promise<CookieJar> {
  const jar = new CookieJar();
  const password = await client.callWithForm<{ pendingToken: string }>(
    "/sign-in",
    SIGN_IN_ACTIONS,
    "signInWithPasswordAction",
    { email, password: PASSWORD },
    { jar },
  );
  const pendingToken = password.result!.pendingToken;
  const code = await totp.code();
  const done = await client.callWithForm(
    "/sign-in",
    SIGN_IN_ACTIONS,
    "completeSecondFactorAction",
    { pendingToken, code, kind: "totp" },
    { jar },
  );
  expect(done.redirect).toContain("/account");
  expect(jar.get("passkey-lab.signed-in")).toBe("1");
  return jar;
}

test("automatic upgrade over HTTP: UP=0 accepted once right after a password + code sign-in; an ordinary UP=0 registration refused", async ({
  page,
  baseURL,
}) => {
  const client = portalClient(baseURL!);
  const email = await signUp(page);
  const { totp } = await enableTotp(page);
  const manager = new SoftwareAuthenticator();

  // Before any password + code sign-in, this session has no grant: no options, nothing logged.
  const browserJar = new CookieJar();
  browserJar.store((await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`));
  const early = await client.call<Answer>("/account", UPGRADE_ACTIONS, "startAutomaticPasskeyAction", [], {
    jar: browserJar,
  });
  expect(early.result).toMatchObject({ ok: false, code: "step-up:required" });

  const jar = await signInWithTotp(client, email, totp);
  const start = await client.call<Answer<Started>>("/account", UPGRADE_ACTIONS, "startAutomaticPasskeyAction", [], {
    jar,
  });
  if (!start.result?.ok) throw new Error(start.body.slice(0, 300));
  const response = manager.register(start.result.data.options, baseURL!, { up: false, uv: false });
  const finish = await client.call<Answer<{ label: string }>>(
    "/account",
    UPGRADE_ACTIONS,
    "finishAutomaticPasskeyAction",
    [start.result.data.ceremonyId, response],
    { jar },
  );
  expect(finish.result).toMatchObject({ ok: true });
  // One creation per sign-in: the grant is spent.
  const again = await client.call<Answer>("/account", UPGRADE_ACTIONS, "startAutomaticPasskeyAction", [], { jar });
  expect(again.result).toMatchObject({ ok: false, code: "step-up:required" });

  // An ordinary registration after a step-up still requires user presence.
  const stepUp = await client.call<Answer>(
    "/account",
    ACCOUNT_ACTIONS,
    "stepUpWithTotpAction",
    [await totp.code(), "add-passkey"],
    { jar },
  );
  expect(stepUp.result).toMatchObject({ ok: true });
  const ordinary = await client.call<Answer<Started>>(
    "/account",
    ACCOUNT_ACTIONS,
    "startRegistrationAction",
    ["this-device"],
    { jar },
  );
  if (!ordinary.result?.ok) throw new Error(ordinary.body.slice(0, 300));
  const noPresence = manager.register(ordinary.result.data.options, baseURL!, { up: false });
  const refused = await client.call<Answer>(
    "/account",
    ACCOUNT_ACTIONS,
    "finishRegistrationAction",
    [ordinary.result.data.ceremonyId, noPresence],
    { jar },
  );
  expect(refused.result).toMatchObject({ ok: false, code: "passkey:not-verified" });
  // A step-up cannot be asked for the automatic purpose.
  const forged = await client.call<Answer>(
    "/account",
    ACCOUNT_ACTIONS,
    "stepUpWithTotpAction",
    [await totp.code(), "automatic-passkey"],
    { jar },
  );
  expect(forged.result).toMatchObject({ ok: false, code: "input:invalid" });

  // What the person sees: one passkey, "added automatically", and the log says so; no failure anywhere.
  await page.goto("/account");
  const list = page.getByRole("list", { name: "Your passkeys" }).getByRole("listitem");
  await expect(list).toHaveCount(1);
  await expect(list.first().getByText("Added automatically")).toBeVisible();
  await page.goto("/account/activity");
  const log = page.getByRole("table", { name: "Account activity" });
  await expect(log.getByText("Passkey added automatically by your password manager", { exact: false })).toHaveCount(1);
  await expect(log.getByText(/failed/i)).toHaveCount(0);
});

test("immediate sign-in with the virtual authenticator, fail-fast to the password form, the switch, and a quiet conditional create", async ({
  page,
  browser,
  baseURL,
}) => {
  const { email, totp } = await signUpWithPasskey(page);
  await signOut(page);

  // This device holds the passkey: the browser's own chooser answers at once and the person is in.
  await page.getByRole("button", { name: "Quick sign-in with this device's passkey" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await page.goto("/account/activity");
  await expect(page.getByText("passkey this device offered at once (immediate sign-in)")).toBeVisible();

  // The switch: off, logged, on again.
  await page.goto("/account");
  await page.getByRole("button", { name: "Turn off automatic upgrade" }).click();
  await expect(page.getByRole("button", { name: "Turn on automatic upgrade" })).toBeVisible();
  await page.getByRole("button", { name: "Turn on automatic upgrade" }).click();
  await expect(page.getByRole("button", { name: "Turn off automatic upgrade" })).toBeVisible();
  await page.goto("/account/activity");
  await expect(page.getByText("now off")).toBeVisible();
  await expect(page.getByText("now on")).toBeVisible();

  // Another device, without a passkey for the site: no dialog, straight to the password form, which works.
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await otherPage.setExtraHTTPHeaders({ "X-Forwarded-For": "198.18.250.1" });
  const device = await VirtualAuthenticator.attach(otherPage);
  const setAutofill = await installAutofillSwitch(otherPage);
  expect(await device.credentials()).toEqual([]);
  await otherPage.goto("/sign-in");
  await otherPage.getByRole("button", { name: "Quick sign-in with this device's passkey" }).click();
  await expect(otherPage.getByText("This device has no passkey for Passkey Lab.", { exact: false })).toBeVisible();
  await expect(otherPage.getByLabel("Email")).toBeFocused();
  // A passkey of an account deleted since: the server answers unknown-credential, and the page asks the browser to
  // drop it (signalUnknownCredential, which Chromium's virtual authenticator honours). Autofill off: the email field's
  // request would otherwise take the passkey first.
  await setAutofill(false);
  await addStrayPasskey(otherPage, device.authenticatorId, "deleted account");
  await otherPage.reload();
  await otherPage.getByRole("button", { name: "Quick sign-in with this device's passkey" }).click();
  await expect(otherPage.getByText("That didn't sign you in.", { exact: false })).toBeVisible();
  await expect.poll(async () => (await device.credentials()).length).toBe(0);
  // A passkey for this account that the server does not know (removed elsewhere): the sign-in's
  // signalAllAcceptedCredentials makes the browser drop it (Chromium's virtual authenticator does).
  await addStrayPasskey(otherPage, device.authenticatorId, { email });
  expect(await device.credentials()).toHaveLength(1);
  await otherPage.getByLabel("Email").fill(email);
  await otherPage.getByLabel("Password").fill(PASSWORD);
  await otherPage.getByRole("button", { name: "Sign in with password" }).click();
  await otherPage.getByLabel("Code from your authenticator app").fill(await totp.code());
  await otherPage.getByRole("button", { name: "Verify" }).click();
  await expect(otherPage.getByRole("heading", { name: "Your account" })).toBeVisible();

  // Chromium keeps the conditional create pending: nothing is shown, and the first click ends it, so adding a passkey
  // by hand still works.
  await expect.poll(async () => (await device.credentials()).length).toBe(0);
  await expect(otherPage.getByText(/couldn't|failed|not made/i)).toHaveCount(0);
  const passkeys = otherPage.getByRole("list", { name: "Your passkeys" }).getByRole("listitem");
  await expect(passkeys).toHaveCount(1);
  await otherPage.getByRole("radio", { name: "This device" }).check();
  await otherPage.getByRole("button", { name: "Add a passkey" }).click();
  await stepUpWithTotp(otherPage, totp)();
  await expect(otherPage.getByText(/^Passkey “.*” added\.$/)).toBeVisible();
  await expect(passkeys).toHaveCount(2);
  await expect(otherPage.getByText("Added automatically", { exact: true })).toHaveCount(0);
  await other.close();
});

test("report card: immediate sign-in with the test passkey is answered at once", async ({ page }) => {
  await VirtualAuthenticator.attach(page, reportCardKinds.platformManager);
  const card = new ReportCardPage(page);
  await card.open();
  await card.run("A passkey with user verification");
  await expect(card.status("A passkey with user verification")).toHaveText("Supported");
  await card.run("Immediate sign-in (uiMode immediate)");
  await expect(card.status("Immediate sign-in (uiMode immediate)")).toHaveText("Supported");
  await expect(card.step("Immediate sign-in (uiMode immediate)")).toContainText('uiMode: "immediate"');
});
