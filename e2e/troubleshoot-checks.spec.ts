// The wizard's automatic checks for real: missing WebAuthn, an extension wrapper, cookies and the connection (proved by
// the checks' own request), and OS/browser from client hints.
import { expect, test, type Page } from "@playwright/test";
import { VirtualAuthenticator } from "@passkey-lab/kit/playwright";
import { openWizard } from "./fixtures/troubleshoot";

const finding = (page: Page, id: string) => page.locator(`[data-finding="${id}"]`);

test("a current browser whose passkey API a script removed is not told it is too old, but given the likely causes", async ({
  page,
}) => {
  await page.addInitScript(() => {
    delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
  });
  await openWizard(page);
  const present = finding(page, "webauthn-present");
  await expect(present).toContainText("Problem");
  await expect(present).toContainText(
    /(Chromium|Chrome) \d+ has passkey support built in, but this page cannot reach it/,
  );
  await expect(present).toContainText("Updating the browser will not bring it back");
  await expect(present).not.toContainText(/too old|Update Chromium|About Google Chrome/);
  const causes = present.getByRole("list", { name: "Likely causes" }).getByRole("listitem");
  await expect(causes).toHaveCount(3);
  await expect(causes.nth(0)).toContainText("A browser extension");
  await expect(causes.nth(0)).toContainText("Fix: Open this page in an incognito (private) window");
  await expect(causes.nth(1)).toContainText("Your organisation manages this browser");
  await expect(causes.nth(1)).toContainText("chrome://management");
  await expect(causes.nth(2)).toContainText("A script on the page");
  // The checks that would have asked the API do not guess a version floor for it.
  await expect(finding(page, "autofill")).toContainText("There is nothing to ask");
  await expect(page.getByRole("list", { name: "Check results" })).not.toContainText("needs Chrome");
});

test("one row per fact: autofill, the built-in authenticator and the Signal API once each; unused features are not OK", async ({
  page,
}) => {
  await openWizard(page);
  await page.getByText(/checks passed/).click();
  const rows = page.locator("[data-finding]");
  await expect(rows.filter({ hasText: "Passkeys in autofill" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Built-in authenticator" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Keeping your passkey manager in step" })).toHaveCount(1);
  // Of getClientCapabilities()'s keys only the phone (QR code) one, PRF (the account's passkey note) and the two extras
  // this site offers where it can (automatic passkey upgrade, immediate sign-in) have rows of their own.
  const ownRows = ["hybrid-transport", "extension-prf", "conditional-create", "immediate-get"];
  await expect(
    page.locator(
      `[data-finding^="capability-"]${ownRows.map((id) => `:not([data-finding="capability-${id}"])`).join("")}`,
    ),
  ).toHaveCount(0);
  await expect(rows.filter({ hasText: "Immediate sign-in" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Automatic passkey creation" })).toHaveCount(1);
  const unused = finding(page, "capabilities-not-used");
  await expect(unused).toContainText("Not used here");
  await expect(unused).not.toContainText("OK");
  await expect(unused).toContainText(/(Not available|Available) · not used here: .*extension:/);
  await expect(unused).not.toContainText("extension:prf");
  // The saved report has the same rows.
  await page.getByRole("button", { name: "Save report" }).click();
  await page.getByRole("link", { name: "View, copy or download it" }).click();
  const checks = page.getByRole("region", { name: "Automatic checks" }).getByRole("listitem");
  await expect(checks.filter({ hasText: "Passkeys in autofill" })).toHaveCount(1);
  await expect(checks.filter({ hasText: "Features this site does not use" })).toHaveCount(1);
  await expect(checks.filter({ hasText: "Features this site does not use" })).toContainText("Not used here");
});

test("an extension-style wrapper around navigator.credentials.get is noticed", async ({ page }) => {
  await page.addInitScript(() => {
    const original = navigator.credentials.get.bind(navigator.credentials);
    Object.defineProperty(navigator.credentials, "get", {
      value: (options?: CredentialRequestOptions) => original(options),
      configurable: true,
    });
  });
  await openWizard(page);
  await expect(finding(page, "webauthn-native")).toContainText("Warning");
  await expect(finding(page, "webauthn-native")).toContainText(/extension/i);
});

// The cookie and connection rows come from the one request that sends the snapshot to be judged
// (POST /troubleshoot/checks).

test("cookies and the connection are proved by the checks' own request", async ({ page }) => {
  await openWizard(page);
  await expect(finding(page, "cookies")).toContainText("OK");
  await expect(finding(page, "server-reachable")).toContainText("OK");
});

test("two tabs opening the wizard at once each pass the cookie check: neither overwrites the other's probe", async ({
  context,
}) => {
  const first = await context.newPage();
  const second = await context.newPage();
  // The first tab's checks wait at the network until the second tab has stored its probe and been answered.
  let releaseFirst = () => {};
  const secondAnswered = new Promise<void>((resolve) => (releaseFirst = resolve));
  await first.route("**/troubleshoot/checks", async (route) => {
    await secondAnswered;
    await route.continue();
  });
  await first.goto("/troubleshoot");
  await openWizard(second);
  await expect(finding(second, "cookies")).toContainText("OK");
  releaseFirst();
  await expect(finding(first, "cookies")).toContainText("OK");
});

test("a browser that keeps no cookies for this site gets a cookie problem and a fix", async ({ page }) => {
  // As a "block all cookies" setting does: the page cannot store its probe cookie, so none comes back.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setDocumentCookieDisabled", { disabled: true });
  await openWizard(page);
  await expect(finding(page, "cookies")).toContainText("Problem");
  await expect(finding(page, "cookies")).toContainText("What to do:");
  await expect(finding(page, "cookies")).toContainText("round trip failed");
});

test("when the checks cannot reach the server, the page says so and what to do", async ({ page }) => {
  await page.route("**/troubleshoot/checks", (route) => route.abort("connectionrefused"));
  await page.goto("/troubleshoot");
  await expect(finding(page, "server-reachable")).toContainText("Problem");
  await expect(finding(page, "server-reachable")).toContainText("What to do:");
  await expect(page.getByTestId("platform")).toHaveCount(0);
});

test("the checks appear without the page's React: they wait for no framework script", async ({ page }) => {
  // Every script of the framework refused: only the page's own inline script runs (issue 13 item 9).
  await page.route("**/_next/static/chunks/*.js", (route) => route.abort("blockedbyclient"));
  await page.goto("/troubleshoot");
  await expect(page.getByTestId("platform")).toBeVisible();
  await expect(finding(page, "server-reachable")).toContainText("OK");
  await expect(finding(page, "cookies")).toContainText("OK");
  await expect(page.getByRole("list", { name: "Check results" })).toBeVisible();
});

/** The scripts the server holds back on this page (server/hold-framework-scripts.mjs), by address. */
const heldScripts = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement>('script[type="passkey-lab/held"]')].map((script) => script.src),
  );

/** The page's errors and the addresses it requested, from the moment this is called. */
function watch(page: Page): { errors: string[]; requested: string[] } {
  const seen = { errors: [] as string[], requested: [] as string[] };
  page.on("pageerror", (error) => seen.errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && seen.errors.push(message.text()));
  page.on("request", (request) => seen.requested.push(request.url()));
  return seen;
}

/** Stops the page's clock: only what the page does, never the loader's one-second fallback, moves it on. */
async function stopClock(page: Page): Promise<void> {
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 60_000);
}

test("the framework's scripts wait until the checks are drawn, then load, and the page works", async ({ page }) => {
  await stopClock(page);
  let answer = () => {};
  const answered = new Promise<void>((resolve) => (answer = resolve));
  const asked = new Promise<void>((resolve) =>
    page.route("**/troubleshoot/checks", async (route) => {
      resolve();
      await answered;
      await route.continue();
    }),
  );
  const seen = watch(page);
  await page.goto("/troubleshoot", { waitUntil: "commit" });
  await asked;
  // The checks have probed the browser and asked the server; none of the held scripts has been fetched.
  const held = await heldScripts(page);
  expect(held.length).toBeGreaterThan(5);
  expect(seen.requested.filter((url) => held.includes(url))).toEqual([]);
  await expect(page.getByRole("button", { name: "Run the live test" })).toBeDisabled();
  answer();
  await expect(page.getByTestId("platform")).toBeVisible();
  // Drawn: every held script is fetched, React runs, and the page's controls work.
  await expect(page.getByRole("button", { name: "Run the live test" })).toBeEnabled();
  expect(await heldScripts(page)).toEqual([]);
  expect(held.filter((url) => !seen.requested.includes(url))).toEqual([]);
  await page.clock.resume();
  await page.getByText("Pick what you see").click();
  await expect(page.getByRole("radio").first()).toBeVisible();
  // React took over the page the server drew and the loader completed, without a hydration or CSP error.
  expect(seen.errors).toEqual([]);
});

test("when the checks never answer, the framework still loads after a second and the page works", async ({ page }) => {
  await stopClock(page);
  const asked = new Promise<void>((resolve) => page.route("**/troubleshoot/checks", () => resolve()));
  const seen = watch(page);
  await page.goto("/troubleshoot", { waitUntil: "commit" });
  await asked;
  expect((await heldScripts(page)).length).toBeGreaterThan(5);
  await page.clock.runFor(1000);
  await expect(page.getByRole("button", { name: "Run the live test" })).toBeEnabled();
  expect(await heldScripts(page)).toEqual([]);
  await expect(page.getByRole("region", { name: "Automatic checks" })).toContainText("Checking this browser");
  await page.clock.resume();
  await VirtualAuthenticator.attach(page);
  await page.getByRole("button", { name: "Run the live test" }).click();
  await expect(page.getByRole("list", { name: "Live test results" }).getByRole("listitem")).toHaveCount(2);
  expect(seen.errors).toEqual([]);
});

test("markup injected into the page cannot borrow the loader to run a script", async ({ page }) => {
  // What an HTML injection would write: a script in the held type, hoping the loader restores it under
  // 'strict-dynamic'. The loader takes only what the server held in <head>, before the body exists.
  await page.route("**/troubleshoot", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      /<body([^>]*)>/,
      `<body$1><script type="passkey-lab/held" src="data:text/javascript,window.injectedRan=true"></script>`,
    );
    await route.fulfill({ response, body: html });
  });
  await openWizard(page);
  await expect(page.getByRole("button", { name: "Run the live test" })).toBeEnabled();
  expect(await page.evaluate(() => (window as { injectedRan?: boolean }).injectedRan)).toBeUndefined();
  expect(await heldScripts(page)).toEqual(["data:text/javascript,window.injectedRan=true"]);
});

test("a browser slow to answer its probes (a loaded machine) has its answers counted", async ({ page }) => {
  // A loaded machine answered getClientCapabilities() and isConditionalMediationAvailable() after more than the 300 ms
  // the checks once allowed, and a healthy browser read "Unknown". Here the browser answers after 700 ms.
  await page.addInitScript(() => {
    const pkc = PublicKeyCredential as unknown as Record<string, () => Promise<unknown>>;
    for (const name of ["getClientCapabilities", "isConditionalMediationAvailable"]) {
      const original = pkc[name].bind(PublicKeyCredential);
      pkc[name] = () => new Promise((resolve) => setTimeout(() => resolve(original()), 700));
    }
  });
  await openWizard(page);
  await page.getByText(/checks passed/).click();
  await expect(finding(page, "autofill")).toContainText("OK");
  await expect(finding(page, "client-capabilities")).toContainText("OK");
});

test("a probe that never answers (a hung extension) leaves its row unknown, and the other checks still come", async ({
  page,
}) => {
  await page.addInitScript(() => {
    (PublicKeyCredential as unknown as Record<string, unknown>).getClientCapabilities = () => new Promise(() => {});
  });
  await openWizard(page);
  await expect(finding(page, "client-capabilities")).toContainText("Unknown");
  await expect(finding(page, "server-reachable")).toContainText("OK");
});

test("when the server refuses the checks, the page says so in the person's words", async ({ page }) => {
  await page.route("**/troubleshoot/checks", (route) =>
    route.fulfill({ status: 400, json: { ok: false, code: "input:invalid", message: "x" } }),
  );
  await page.goto("/troubleshoot");
  const checks = page.getByRole("region", { name: "Automatic checks" });
  await expect(checks.getByRole("alert")).toHaveText(
    "The server could not judge this browser's checks. Reload the page to try again.",
  );
  await expect(page.getByTestId("platform")).toHaveCount(0);
});

const chromeUa = (platform: string) =>
  `Mozilla/5.0 (${platform}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36`;
const brands = [
  { brand: "Chromium", version: "136" },
  { brand: "Google Chrome", version: "136" },
];

const clientHintCases = [
  {
    name: "Windows 11",
    ua: chromeUa("Windows NT 10.0; Win64; x64"),
    platform: "Windows",
    platformVersion: "15.0.0",
    mobile: false,
    expected: /Chrome 136 on Windows 11/,
  },
  {
    name: "Windows 10",
    ua: chromeUa("Windows NT 10.0; Win64; x64"),
    platform: "Windows",
    platformVersion: "10.0.0",
    mobile: false,
    expected: /Chrome 136 on Windows 10/,
  },
  {
    name: "macOS",
    ua: chromeUa("Macintosh; Intel Mac OS X 10_15_7"),
    platform: "macOS",
    platformVersion: "15.1.0",
    mobile: false,
    expected: /Chrome 136 on macOS 15/,
  },
  {
    name: "Android",
    ua: "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Mobile Safari/537.36",
    platform: "Android",
    platformVersion: "14.0.0",
    mobile: true,
    expected: /Chrome 136 on Android 14/,
  },
];

for (const hints of clientHintCases) {
  test(`client hints tell the real OS: ${hints.name}`, async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setUserAgentOverride", {
      userAgent: hints.ua,
      userAgentMetadata: {
        brands,
        fullVersionList: brands.map((brand) => ({ ...brand, version: "136.0.7103.0" })),
        platform: hints.platform,
        platformVersion: hints.platformVersion,
        architecture: "x86",
        model: "",
        mobile: hints.mobile,
      },
    });
    await openWizard(page);
    await expect(page.getByTestId("platform")).toHaveText(hints.expected);
  });
}

test("an iOS User-Agent without client hints is read from the UA string", async ({ browser }) => {
  const context = await browser.newContext({
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  });
  const page = await context.newPage();
  // Safari has no navigator.userAgentData: take Chromium's away too.
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "userAgentData", { get: () => undefined }));
  await openWizard(page);
  await expect(page.getByTestId("platform")).toHaveText(/Safari 17 on iOS 17/);
  await context.close();
});

test("without JavaScript, the page says that JavaScript is needed", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/troubleshoot");
  await expect(page.getByRole("alert")).toContainText(/JavaScript/);
  await context.close();
});

test("where React renders the wizard in the browser, its island runs the checks: back from a report, a new language", async ({
  page,
}) => {
  await openWizard(page);
  await page.getByRole("button", { name: "Save report" }).click();
  await page.getByRole("link", { name: "View, copy or download it" }).click();
  await expect(page.getByTestId("report-code")).toBeVisible();
  // The report page's link back is a client-side navigation: no inline script runs.
  await page.getByRole("link", { name: "← Troubleshooting" }).click();
  await expect(page).toHaveURL(/\/troubleshoot$/);
  await expect(finding(page, "cookies")).toContainText("OK");
  await expect(page.getByRole("button", { name: "Save report" })).toBeEnabled();

  // Switching the language on the wizard renders it anew in the browser: the checks come again, in the new words.
  await page.getByLabel("Language").selectOption("es");
  await page.getByRole("button", { name: "Change language" }).click();
  await expect(finding(page, "cookies")).toContainText("Correcto");
  await expect(page.getByRole("list", { name: "Resultados de las comprobaciones" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Guardar informe" })).toBeEnabled();
});
