// The report card against Chromium's virtual authenticator, three kinds of it: what each card says is what Chromium
// really does (checked against CDP, not assumed). No account, no database.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { describeClient } from "@/lib/client-info";
import { CookieJar, ServerActionClient } from "@/test/server-action-client";
import { ReportCardPage, reportCardKinds } from "./fixtures/report-card";
import { VirtualAuthenticator } from "@passkey-lab/kit/playwright";

const CHROMIUM_AAGUID = "01020304-0506-0708-0102-030405060708";
const ACTIONS = "app/report-card/actions.ts";
const REFUSED_OR_CANCELLED = /^Not supported, or cancelled\./;
// What the one-option steps answer when Chromium refuses them: it raises UV to required for a discoverable credential
// on a security key, so a key without UV cannot make one even when the page discourages UV.
const PASSKEY_WITHOUT_UV_REFUSED =
  "Not supported, or cancelled. No authenticator made a passkey, even without user verification: a security key that cannot store passkeys ends here, and in Chrome so does one without a PIN or biometrics (Chrome verifies you before it stores a passkey on a security key).";
const UV_WITHOUT_PASSKEY_REFUSED =
  "Not supported, or cancelled. No authenticator verified you, even for a credential it need not store: a security key without a PIN or biometrics ends here.";

/** The two steps that vary resident key and user verification one at a time, as a security key without UV answers them. */
async function expectOneOptionStepsRefused(card: ReportCardPage) {
  for (const [title, headline] of [
    ["A passkey without user verification", PASSKEY_WITHOUT_UV_REFUSED],
    ["A plain credential with user verification", UV_WITHOUT_PASSKEY_REFUSED],
  ]) {
    await card.run(title);
    await expect(card.status(title)).toHaveText("Not supported");
    await expect(card.headline(title)).toHaveText(headline);
    await expect(card.step(title)).toContainText("NotAllowedError");
  }
}

test("a synced platform passkey manager: every capability reported, sign-ins verified, hints not observable, JSON export", async ({
  page,
}) => {
  const authenticator = await VirtualAuthenticator.attach(page, reportCardKinds.platformManager);
  const card = new ReportCardPage(page);
  await card.open();

  await card.run("A passkey with user verification");
  await expect(card.status("A passkey with user verification")).toHaveText("Supported");
  await expect(card.row("A passkey with user verification", "Attachment")).toHaveText("platform");
  await expect(card.row("A passkey with user verification", "User verified (UV)")).toHaveText("yes");
  await expect(card.row("A passkey with user verification", "Discoverable (credProps.rk)")).toHaveText("yes");
  await expect(card.row("A passkey with user verification", "Authenticator (AAGUID)")).toHaveText(
    `Chromium virtual authenticator (${CHROMIUM_AAGUID})`,
  );
  await expect(card.row("A passkey with user verification", "Attestation format")).toHaveText(
    "packed, certificate chain of 1",
  );
  await expect(card.row("A passkey with user verification", "Transports")).toHaveText("internal");
  await expect(card.row("A passkey with user verification", "Storage (BE/BS)")).toContainText("synced");
  await expect(card.row("A passkey with user verification", "PRF")).toHaveText(
    "enabled; a result came back at creation (32 bytes)",
  );
  await expect(card.row("A passkey with user verification", "Large blob")).toHaveText("supported");
  await expect(card.row("A passkey with user verification", "Algorithm")).toHaveText("EdDSA (-8)");

  // The same user handle every time: running the step again replaces the passkey instead of adding a second one.
  await card.run("A passkey with user verification");
  await expect(card.status("A passkey with user verification")).toHaveText("Supported");
  await card.run("Attestation none");
  await expect(card.row("Attestation none", "Attestation format")).toHaveText("none");
  const resident = (await authenticator.credentials()).filter((credential) => credential.isResidentCredential);
  expect(resident).toHaveLength(1);
  expect(resident[0]?.userHandle).toBe(Buffer.from("passkeylab-report-card").toString("base64"));

  for (const supported of ["ES256 (-7)", "EdDSA (-8)", "RS256 (-257)"]) {
    await card.run(`Algorithm ${supported}`);
    await expect(card.status(`Algorithm ${supported}`)).toHaveText("Supported");
    await expect(card.row(`Algorithm ${supported}`, "Algorithm")).toHaveText(supported);
  }
  for (const missing of ["ES384 (-35)", "ES512 (-36)"]) {
    await card.run(`Algorithm ${missing}`);
    await expect(card.status(`Algorithm ${missing}`)).toHaveText("Not supported");
    await expect(card.headline(`Algorithm ${missing}`)).toHaveText(
      `Not supported, or cancelled. The authenticator did not make an ${missing} key.`,
    );
  }

  await card.run("Sign in with user verification");
  await expect(card.status("Sign in with user verification")).toHaveText("Supported");
  await expect(card.row("Sign in with user verification", "Credential used")).toHaveText(
    'the one made by "A passkey with user verification"',
  );
  await expect(card.row("Sign in with user verification", "User handle")).toHaveText("returned: the report card's");
  await expect(card.row("Sign in with user verification", "Sign count")).toHaveText(/^went up from \d+ to \d+$/);

  await card.run("Sign in with the PRF extension");
  await expect(card.status("Sign in with the PRF extension")).toHaveText("Supported");
  await expect(card.row("Sign in with the PRF extension", "PRF result")).toHaveText(
    "came back (32 bytes; not sent to the server)",
  );

  // One option at a time. This authenticator verifies on every create, asked or not (UV=1 on the plain step too), and
  // stores a passkey only when asked.
  await card.run("A passkey without user verification");
  await expect(card.status("A passkey without user verification")).toHaveText("Supported");
  await expect(card.headline("A passkey without user verification")).toHaveText(
    "Supported: your authenticator made a passkey, and verified you although the page did not ask it to (UV=1).",
  );
  await expect(card.row("A passkey without user verification", "Discoverable (credProps.rk)")).toHaveText("yes");
  await expect(card.row("A passkey without user verification", "User verified (UV)")).toHaveText("yes");
  await expect(card.row("A passkey without user verification", "Attestation format")).toHaveText("none");
  await card.run("A plain credential with user verification");
  await expect(card.status("A plain credential with user verification")).toHaveText("Supported");
  await expect(card.headline("A plain credential with user verification")).toHaveText(
    "Supported: your authenticator verified you and made a credential that is not discoverable.",
  );
  await expect(card.row("A plain credential with user verification", "Discoverable (credProps.rk)")).toHaveText("no");
  await expect(card.row("A plain credential with user verification", "User verified (UV)")).toHaveText("yes");
  // The new passkey replaced the first step's: still one test passkey on the authenticator.
  expect((await authenticator.credentials()).filter((credential) => credential.isResidentCredential)).toHaveLength(1);

  await card.run("Hint: security-key");
  await expect(card.status("Hint: security-key")).toHaveText("Not observable");
  await expect(card.row("Hint: security-key", "Hint honoured")).toContainText("not observable");

  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download JSON" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("passkey-lab-report-card.json");
  const exported = JSON.parse(await readFile((await download.path()) ?? "", "utf8"));
  // Browser and OS come from the user agent (Playwright's "Desktop Chrome" claims Windows).
  const userAgent = await page.evaluate(() => navigator.userAgent);
  expect(exported).toMatchObject({
    kind: "passkey-lab-report-card",
    rpId: "localhost",
    userAgent,
    client: describeClient(userAgent),
  });
  expect(exported.client).toMatch(/^Chrome \d+ on /);
  const byId = Object.fromEntries(exported.steps.map((step: { id: string; status: string }) => [step.id, step]));
  expect(byId.passkey).toMatchObject({
    status: "Supported",
    options: expect.arrayContaining(["residentKey: required", "attestation: direct"]),
  });
  expect(byId["alg-es512"].status).toBe("Not supported");
  expect(byId["resident-key-only"]).toMatchObject({
    status: "Supported",
    options: expect.arrayContaining(["residentKey: required", "userVerification: discouraged"]),
  });
  expect(byId["uv-only"]).toMatchObject({
    status: "Supported",
    options: expect.arrayContaining(["residentKey: discouraged", "userVerification: required"]),
  });
  expect(byId["hint-hybrid"].status).toBe("Not run");
  expect(JSON.stringify(exported)).not.toMatch(/challenge/i);
});

test("a security key without a PIN: the UV and resident-key steps fail with the plain reason, each alone too; the plain credential works", async ({
  page,
}) => {
  const authenticator = await VirtualAuthenticator.attach(page, reportCardKinds.securityKeyWithoutPin);
  const card = new ReportCardPage(page);
  await card.open();
  await expect(card.step("Sign in with user verification").getByRole("button", { name: /^Run/ })).toBeDisabled();

  await card.run("A passkey with user verification");
  await expect(card.status("A passkey with user verification")).toHaveText("Not supported");
  await expect(card.headline("A passkey with user verification")).toHaveText(
    "Not supported, or cancelled. No authenticator made a passkey that verifies you: a security key without a PIN, or one that cannot store passkeys, ends here.",
  );
  await expect(card.step("A passkey with user verification")).toContainText("NotAllowedError");

  await card.run("A plain credential, no verification");
  await expect(card.status("A plain credential, no verification")).toHaveText("Supported");
  await expect(card.row("A plain credential, no verification", "Attachment")).toHaveText("cross-platform");
  await expect(card.row("A plain credential, no verification", "Transports")).toHaveText("usb");
  await expect(card.row("A plain credential, no verification", "User verified (UV)")).toHaveText("no");
  await expect(card.row("A plain credential, no verification", "Storage (BE/BS)")).toContainText("device-bound");
  await expect(card.row("A plain credential, no verification", "Attestation format")).toHaveText(
    "packed, certificate chain of 1",
  );
  // Chromium leaves credProps empty here rather than saying rk=false.
  await expect(card.row("A plain credential, no verification", "Discoverable (credProps.rk)")).toHaveText(
    "not reported by the browser",
  );
  await expect(card.row("A plain credential, no verification", "PRF")).toHaveText(
    "not supported by this authenticator",
  );

  // The key can store passkeys, yet without UV Chromium will not let it: each option on its own is refused, and
  // nothing is stored on the key.
  await expectOneOptionStepsRefused(card);
  expect((await authenticator.credentials()).filter((credential) => credential.isResidentCredential)).toEqual([]);

  // Under attestation "none" Chromium hides a security key's AAGUID.
  await card.run("Attestation none");
  await expect(card.row("Attestation none", "Authenticator (AAGUID)")).toContainText("not disclosed (all-zero AAGUID)");

  await card.run("Sign in with user verification");
  await expect(card.status("Sign in with user verification")).toHaveText("Not supported");
  await expect(card.headline("Sign in with user verification")).toHaveText(
    "Not supported, or cancelled. The test passkey could not be used with user verification: an authenticator without a PIN or biometrics ends here.",
  );

  await card.run("Sign in with the PRF extension");
  await expect(card.status("Sign in with the PRF extension")).toHaveText("Not supported");
  await expect(card.row("Sign in with the PRF extension", "User verified (UV)")).toHaveText("no");
  await expect(card.row("Sign in with the PRF extension", "User handle")).toContainText("not returned");
});

test("a U2F key: fido-u2f attestation under direct, no resident key, ES256 only", async ({ page }) => {
  await VirtualAuthenticator.attach(page, reportCardKinds.u2fKey);
  const card = new ReportCardPage(page);
  await card.open();

  await card.run("A passkey with user verification");
  await expect(card.headline("A passkey with user verification")).toHaveText(REFUSED_OR_CANCELLED);

  await card.run("A plain credential, no verification");
  await expect(card.status("A plain credential, no verification")).toHaveText("Supported");
  await expect(card.row("A plain credential, no verification", "Attestation format")).toHaveText(
    "fido-u2f, certificate chain of 1",
  );
  await expect(card.row("A plain credential, no verification", "Authenticator (AAGUID)")).toContainText(
    "not disclosed (all-zero AAGUID)",
  );
  await expect(card.row("A plain credential, no verification", "Discoverable (credProps.rk)")).toHaveText("no");
  await expect(card.row("A plain credential, no verification", "Algorithm")).toHaveText("ES256 (-7)");
  await expect(card.row("A plain credential, no verification", "Sign count at creation")).toHaveText("0");

  await expectOneOptionStepsRefused(card);

  await card.run("Algorithm ES256 (-7)");
  await expect(card.status("Algorithm ES256 (-7)")).toHaveText("Supported");
  for (const missing of ["EdDSA (-8)", "RS256 (-257)", "ES384 (-35)", "ES512 (-36)"]) {
    await card.run(`Algorithm ${missing}`);
    await expect(card.status(`Algorithm ${missing}`)).toHaveText("Not supported");
  }

  await card.run("Hint: hybrid");
  await expect(card.status("Hint: hybrid")).toHaveText("Not observable");
  await expect(card.row("Hint: hybrid", "Attachment")).toHaveText("cross-platform");

  const summary = page.getByRole("region", { name: "Your report card" });
  await expect(summary.getByRole("row", { name: "Algorithm ES256 (-7)" }).getByRole("cell")).toHaveText("Supported");
  await expect(summary.getByRole("row", { name: "Algorithm EdDSA (-8)" }).getByRole("cell")).toHaveText(
    "Not supported",
  );
  await expect(summary.getByRole("row", { name: "A passkey without user verification" }).getByRole("cell")).toHaveText(
    "Not supported",
  );
  await expect(
    summary.getByRole("row", { name: "A plain credential with user verification" }).getByRole("cell"),
  ).toHaveText("Not supported");
  await expect(summary.getByRole("row", { name: "Sign in with the PRF extension" }).getByRole("cell")).toHaveText(
    "Not run",
  );
});

test("the actions answer bad input with a typed error, never a 500; a foreign origin gets a clean 403", async ({
  baseURL,
}) => {
  const client = new ServerActionClient(baseURL ?? "", process.env.NEXT_DIST_DIR ?? ".next");
  const jar = new CookieJar();
  const unknownStep = await client.call<{ ok: boolean; code: string; message: string }>(
    "/report-card",
    ACTIONS,
    "reportCardOptionsAction",
    ["drop-table", []],
    { jar },
  );
  expect(unknownStep.status).toBe(200);
  expect(unknownStep.result).toMatchObject({
    ok: false,
    code: "input:invalid",
    message: "That is not a step of the report card.",
  });

  const getWithoutCredential = await client.call("/report-card", ACTIONS, "reportCardOptionsAction", ["get-uv", []], {
    jar,
  });
  expect(getWithoutCredential.result).toMatchObject({
    ok: false,
    code: "input:invalid",
    message: expect.stringMatching(/^Make a test credential/),
  });

  const options = await client.call<{
    ok: true;
    data: { ceremony: string; options: { challenge: string; user: { name: string } } };
  }>("/report-card", ACTIONS, "reportCardOptionsAction", ["passkey", []], { jar });
  expect(options.result?.data).toMatchObject({
    ceremony: "create",
    options: { user: { name: "passkeylab report card" } },
  });
  expect(options.result?.data.options.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);

  for (const input of [
    null,
    "text",
    { stepId: "passkey", response: { id: "x" }, extensions: {} },
    { stepId: "passkey", response: 1, extensions: {}, extra: true },
  ]) {
    const answer = await client.call("/report-card", ACTIONS, "describeRegistrationAction", [input], { jar });
    expect(answer.status).toBe(200);
    expect(answer.result).toMatchObject({ ok: false, code: "input:invalid" });
  }
  const assertion = await client.call("/report-card", ACTIONS, "describeAssertionAction", [{ stepId: "get-uv" }], {
    jar,
  });
  expect(assertion.result).toMatchObject({ ok: false, code: "input:invalid" });

  const foreign = await client.call("/report-card", ACTIONS, "reportCardOptionsAction", ["passkey", []], {
    headers: { Origin: "https://evil.example" },
  });
  expect(foreign.status).toBe(403);
  expect(JSON.parse(foreign.body)).toMatchObject({ ok: false, code: "request:cross-site" });
});
