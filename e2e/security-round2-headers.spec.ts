// SEC-67 (security bar H67): the security headers, as a stranger reads them over HTTP and as Chromium enforces them.
// The e2e server is http://localhost, so HSTS must be absent here; the https case is in lib/security-headers.test.ts.
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createClient } from "@libsql/client";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { addPasskey, enableTotp, signUp, stepUpWithTotp } from "./fixtures/account";
import { SERVER_DATABASE_URL } from "./fixtures/server-database";
import { openSupportConsole, promoteToSupport } from "./fixtures/support";
import { VirtualAuthenticator } from "@passkey-lab/kit/playwright";

const STATIC_HEADERS = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

function expectStaticHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  for (const [name, value] of Object.entries(STATIC_HEADERS)) expect(headers[name], `${name} on ${what}`).toBe(value);
  const permissions = headers["permissions-policy"] ?? "";
  expect(permissions, `Permissions-Policy on ${what}`).toContain("publickey-credentials-get=(self)");
  expect(permissions, `Permissions-Policy on ${what}`).toContain("publickey-credentials-create=(self)");
  expect(permissions, `Permissions-Policy on ${what}`).toContain("camera=()");
  expect(headers["strict-transport-security"], `no HSTS over http on ${what}`).toBeUndefined();
}

/** The nonce a page's CSP vouches for, after checking the policy is the strict one. */
function strictPolicyNonce(response: APIResponse, path: string): string {
  const policy = response.headers()["content-security-policy"] ?? "";
  const directives = new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  );
  const nonce = directives.get("script-src")?.find((source) => source.startsWith("'nonce-"));
  expect(nonce, `a script nonce in the CSP of ${path}: ${policy}`).toBeTruthy();
  expect(directives.get("script-src"), path).toContain("'strict-dynamic'");
  expect(policy, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  expect(directives.get("object-src"), path).toEqual(["'none'"]);
  expect(directives.get("base-uri"), path).toEqual(["'none'"]);
  expect(directives.get("frame-ancestors"), path).toEqual(["'none'"]);
  expect(directives.get("form-action"), path).toEqual(["'self'"]);
  expect(directives.has("upgrade-insecure-requests"), `${path}: only over https`).toBe(false);
  return nonce!.slice("'nonce-".length, -1);
}

test("SEC-67 every page carries a strict CSP with a new nonce on each of its scripts; every response the static headers; no HSTS over http", async ({
  request,
}) => {
  // /inspect was prerendered at build time before: it renders per request now, or it would carry no nonce.
  for (const path of ["/", "/sign-in", "/sign-up", "/troubleshoot", "/conformance", "/inspect", "/no-such-page"]) {
    const first = await request.get(path);
    expect(first.status(), path).toBeLessThan(500);
    expectStaticHeaders(first, path);
    const nonce = strictPolicyNonce(first, path);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, `${path} has scripts`).toBeGreaterThan(0);
    for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
    const again = await request.get(path);
    expect(strictPolicyNonce(again, path), `${path}: a new nonce for each response`).not.toBe(nonce);
  }

  // Static files and route handlers: the headers that need no nonce.
  const signIn = await (await request.get("/sign-in")).text();
  const chunk = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(signIn)![1];
  const icon = /<link rel="icon" href="([^"]+)"/.exec(signIn)![1];
  expectStaticHeaders(await request.get(chunk), chunk);
  expectStaticHeaders(await request.get(icon), icon);
  expectStaticHeaders(await request.post("/api/inspect", { data: {} }), "POST /api/inspect");
  expectStaticHeaders(await request.post("/fido/assertion/options", { data: {} }), "POST /fido/assertion/options");
});

test("SEC-67 a same-site page cannot frame /sign-in, nor /account of a signed-in person, in Chromium", async ({
  page,
  baseURL,
}) => {
  // The attacker's page on another port of localhost: the same site, so the session cookie (SameSite=Lax) goes along
  // into its frames. A real local server (Chromium's Local Network Access blocks a page Playwright makes up from
  // framing localhost), on a port the system picks.
  const attacker = http.createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").searchParams.get("path") ?? "/";
    response
      .writeHead(200, { "content-type": "text/html" })
      .end(`<!doctype html><title>frame</title><iframe src="${baseURL}${path}"></iframe>`);
  });
  attacker.listen(0, "localhost");
  await once(attacker, "listening");
  const attackerOrigin = `http://localhost:${(attacker.address() as AddressInfo).port}`;
  const expectRefusedInFrame = async (path: string) => {
    const answered = page.waitForResponse(
      (response) => response.url() === `${baseURL}${path}` && response.frame() !== page.mainFrame(),
    );
    await page.goto(`${attackerOrigin}/?path=${encodeURIComponent(path)}`);
    // The portal did answer the framed request with the page itself; the browser refused to show it, and shows its
    // error page in the frame instead.
    expect((await answered).status(), path).toBe(200);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
    await expect.poll(() => frame.url(), { message: `${path} in a frame` }).toBe("chrome-error://chromewebdata/");
    await expect(page.frameLocator("iframe").getByRole("heading")).toHaveCount(0);
  };
  try {
    await expectRefusedInFrame("/sign-in");
    await signUp(page);
    await expectRefusedInFrame("/account");
  } finally {
    attacker.close();
  }
  // The page itself, not framed, works as before.
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

test("SEC-67 markup injected into a page cannot run script: inline handlers and javascript: links are refused", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(event.effectiveDirective));
  });
  // What a stored or reflected XSS would place in the page: markup, without the response's nonce.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      "beforeend",
      `<img alt="" src="data:," onerror="window.injectedRan = 'handler'"><a id="injected" href="javascript:window.injectedRan = 'link'">x</a>`,
    );
  });
  await page.locator("#injected").click();
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  await expect.poll(violations).toEqual(expect.arrayContaining(["script-src-attr", "script-src-elem"]));
  expect(await page.evaluate(() => (window as unknown as { injectedRan?: string }).injectedRan)).toBeUndefined();
});

/** Fails the test on any CSP violation or console error on any page this browser opens, from the first script on. */
async function watchForViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeBinding("reportCspViolation", ({ frame }, text: string) => problems.push(`${frame.url()}: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
        `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`,
      );
    });
  });
  page.on("console", (message) => {
    if (
      message.type() === "error" ||
      /Content Security Policy|Permissions-Policy|X-Frame-Options/i.test(message.text())
    ) {
      problems.push(`${page.url()}: console ${message.type()}: ${message.text()}`);
    }
  });
  return problems;
}

test("SEC-67 every public and signed-in page renders and works with no CSP violation", async ({ page }) => {
  test.setTimeout(180_000);
  const problems = await watchForViolations(page);
  const visit = async (path: string) => {
    const response = await page.goto(path, { waitUntil: "networkidle" });
    expect(response?.status(), path).toBeLessThan(500);
  };

  for (const path of ["/", "/sign-in", "/sign-up", "/conformance", "/report-card", "/inspect"]) await visit(path);
  // The wizard: its automatic checks, then the live test (navigator.credentials.create and .get, so the
  // Permissions-Policy lets this origin use WebAuthn), a saved report and its page.
  await VirtualAuthenticator.attach(page);
  await visit("/troubleshoot");
  await expect(page.getByTestId("platform")).toBeVisible();
  await page.getByRole("button", { name: "Run the live test" }).click();
  await expect(page.getByRole("list", { name: "Live test results" })).toContainText(
    "Signing in with the passkey works",
  );
  await page.getByRole("button", { name: "Save report" }).click();
  const code = (await page.getByTestId("saved-code").innerText()).trim();
  await visit(`/troubleshoot/report/${code}`);
  await expect(page.getByTestId("report-code")).toHaveText(code);

  // A stored conformance run, saved the way the web runner saves it.
  const runId = randomBytes(16).toString("base64url");
  const database = createClient({ url: SERVER_DATABASE_URL, timeout: 5_000 });
  await database.execute({
    sql: `insert into conformance_runs (id, owner_hash, target, status, total, passed, failed, skipped, cases, started_at, finished_at)
          values (?, 'e2e-owner', 'http://localhost/fido', 'finished', 0, 0, 0, 0, '[]', ?, ?)`,
    args: [runId, Date.now(), Date.now()],
  });
  database.close();
  await visit(`/conformance/runs/${runId}`);
  await expect(page.getByRole("heading", { name: "Conformance run" })).toBeVisible();

  // Signed in: sign-up, the TOTP set-up with its QR code (a data: URL image), a passkey added after a step-up.
  const email = await signUp(page);
  const { totp } = await enableTotp(page);
  await addPasskey(page, "This device", stepUpWithTotp(page, totp));
  await visit("/account/two-factor");
  for (const path of ["/account", "/account/activity", "/account/password", "/wallet"]) await visit(path);
  // The support console, opened with that passkey, and an account looked up in it.
  promoteToSupport(email);
  await openSupportConsole(page);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByRole("heading", { name: email })).toBeVisible();

  expect(problems).toEqual([]);
});
