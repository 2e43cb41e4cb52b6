// Security bar, sessions and authorisation: direct posts, proxy bypass headers, cross-site origins, caching, and
// another person's passkeys (docs/security.md maps them).
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { CookieJar } from "@/test/server-action-client";
import { ACCOUNT_ACTIONS, portalClient } from "@/test/portal-client";
import { enableTotp, signUp } from "./fixtures/account";
import { apiAccount } from "./fixtures/api-account";

/** Every server action that needs a signed-in person, from the build's own manifest (so a new one is covered too). */
function signedInActions(): { file: string; name: string }[] {
  const manifest = JSON.parse(
    readFileSync(`${process.env.NEXT_DIST_DIR ?? ".next"}/server/server-reference-manifest.json`, "utf8"),
  ) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const entries = Object.values(manifest.node).filter((entry) => /^app\/\((account|support)\)\//.test(entry.filename));
  return [
    ...new Map(
      entries.map((entry) => [
        `${entry.filename}#${entry.exportedName}`,
        { file: entry.filename, name: entry.exportedName },
      ]),
    ).values(),
  ];
}

test("SEC-32/33 every signed-in server action posted directly without a valid session is refused by the action itself", async ({
  baseURL,
}) => {
  const client = portalClient(baseURL!);
  const actions = signedInActions().filter((action) => action.name !== "signOutAction");
  expect(actions.length).toBeGreaterThan(10);
  for (const action of actions) {
    const page = action.file.includes("/wallet/") ? "/wallet" : "/account";
    // Without any cookie, proxy.ts sends the post to sign-in.
    const bare = await client.call(page, action.file, action.name, ["x", "y", "z"]);
    expect.soft(bare.status, `${action.name} without a cookie`).toBe(307);
    // A forged cookie gets past proxy.ts (it only looks for one); the action's own check must refuse it.
    const forged = await client.call<{ ok: boolean; code?: string }>(page, action.file, action.name, ["x", "y", "z"], {
      headers: { Cookie: "authjs.session-token=forged", "x-middleware-subrequest": "proxy" },
    });
    expect.soft(forged.status, action.name).toBeLessThan(500);
    expect.soft(forged.result, action.name).toMatchObject({ ok: false, code: "auth:session-required" });
  }
});

test("SEC-33 proxy-bypass headers do not open protected pages", async ({ request }) => {
  for (const path of ["/account", "/account/activity", "/wallet"]) {
    const response = await request.get(path, {
      headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy", Cookie: "authjs.session-token=forged" },
      maxRedirects: 0,
    });
    expect(response.status(), path).toBe(307);
    expect(response.headers()["location"], path).toContain("/sign-in");
  }
});

test("SEC-34 a server action from another site, with no Origin, or with a forged X-Forwarded-Host gets a clean 403", async ({
  baseURL,
}) => {
  const client = portalClient(baseURL!);
  const attempts: [string, Record<string, string>][] = [
    ["another site", { Origin: "https://evil.example" }],
    ["another port", { Origin: "http://localhost:9999" }],
    ["no origin", { Origin: "" }],
    ["forged X-Forwarded-Host", { "X-Forwarded-Host": "evil.example" }],
    [
      "another site behind a forged X-Forwarded-Host",
      { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" },
    ],
  ];
  for (const [what, headers] of attempts) {
    const response = await client.call("/sign-in", "app/(auth)/sign-in/actions.ts", "startPasskeySignInAction", [], {
      headers,
    });
    expect(response.status, what).toBe(403);
    expect(JSON.parse(response.body), what).toMatchObject({ code: "request:cross-site" });
  }
  // The same request from our own page, through a proxy that sets X-Forwarded-Host truthfully, goes through.
  const honest = await client.call("/sign-in", "app/(auth)/sign-in/actions.ts", "startPasskeySignInAction", [], {
    headers: { "X-Forwarded-Host": new URL(baseURL!).host },
  });
  expect(honest.status).toBe(200);
  expect(honest.result).toMatchObject({ ok: true });
});

test("SEC-39 signed-in pages and the answers of signed-in actions are never cached", async ({ page, baseURL }) => {
  const account = await apiAccount(page, baseURL!);
  for (const path of ["/account", "/account/activity", "/account/two-factor", "/account/password", "/wallet"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.headers()["cache-control"], path).toMatch(/\bprivate\b.*\bno-store\b/);
  }
  // Next.js sends `no-store` on every action answer: stronger than `private` (no cache at all may keep it).
  const rename = await portalClient(baseURL!).call(
    "/account",
    ACCOUNT_ACTIONS,
    "renamePasskeyAction",
    [account.passkeyIds[0], "Laptop"],
    {
      jar: account.jar,
    },
  );
  expect(rename.result).toMatchObject({ ok: true });
  expect(rename.cacheControl).toMatch(/\bno-store\b/);
});

test("SEC-49 renaming or removing another person's passkey answers not-found and changes nothing", async ({
  page,
  browser,
  baseURL,
}) => {
  const client = portalClient(baseURL!);
  const victim = await apiAccount(page, baseURL!);
  const attackerPage = await (await browser.newContext()).newPage();
  const attacker = await apiAccount(attackerPage, baseURL!, 0);
  const jar: CookieJar = attacker.jar;
  const rename = await client.call(
    "/account",
    ACCOUNT_ACTIONS,
    "renamePasskeyAction",
    [victim.passkeyIds[0], "pwned"],
    { jar },
  );
  expect(rename.result).toMatchObject({ ok: false, code: "passkey:not-found" });
  const remove = await client.call("/account", ACCOUNT_ACTIONS, "removePasskeyAction", [victim.passkeyIds[0]], { jar });
  expect(remove.result).toMatchObject({ ok: false, code: "passkey:not-found" });
  await page.goto("/account");
  await expect(page.getByRole("list", { name: "Your passkeys" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByText("pwned")).toHaveCount(0);
});

test("SEC-23 a server-action body over 1 MB is refused with 413 before parsing", async ({ baseURL }) => {
  const client = portalClient(baseURL!);
  const response = await client.call("/sign-in", "app/(auth)/sign-in/actions.ts", "startPasskeySignInAction", [
    "a".repeat(1_100_000),
  ]);
  expect(response.status).toBe(413);
  expect(JSON.parse(response.body)).toMatchObject({ code: "request:too-large" });
});

test("SEC-46 an options flood from one client is cut off with rate:limited, in the database; other clients go on", async ({
  baseURL,
}) => {
  const flooder = portalClient(baseURL!, "203.0.113.46");
  const answers = [];
  for (let i = 0; i < 125; i++) {
    answers.push(
      (
        await flooder.call<{ ok: boolean; code?: string }>(
          "/sign-in",
          "app/(auth)/sign-in/actions.ts",
          "startPasskeySignInAction",
          [],
        )
      ).result,
    );
  }
  expect(answers.slice(0, 120).every((answer) => answer?.ok)).toBe(true);
  expect(answers.slice(120)).toEqual(Array(5).fill(expect.objectContaining({ ok: false, code: "rate:limited" })));
  const other = await portalClient(baseURL!).call<{ ok: boolean }>(
    "/sign-in",
    "app/(auth)/sign-in/actions.ts",
    "startPasskeySignInAction",
    [],
  );
  expect(other.result?.ok).toBe(true);
});

test("SEC-36 a step-up starts a new session: a copy of the cookie from before it cannot spend the step-up", async ({
  page,
  baseURL,
}) => {
  const client = portalClient(baseURL!);
  await signUp(page);
  const { totp } = await enableTotp(page);
  const browserCookies = (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`);
  const [copied, steppedUp] = [new CookieJar(), new CookieJar()];
  copied.store(browserCookies);
  steppedUp.store(browserCookies);

  const stepUp = await client.call(
    "/account",
    ACCOUNT_ACTIONS,
    "stepUpWithTotpAction",
    [await totp.code(), "add-passkey"],
    { jar: steppedUp },
  );
  expect(stepUp.result).toMatchObject({ ok: true });
  expect(steppedUp.get("authjs.session-token")).toBeTruthy();
  expect(steppedUp.get("authjs.session-token")).not.toBe(copied.get("authjs.session-token"));

  // The copy is still signed in, but the step-up belongs to the new session only.
  const withCopy = await client.call("/account", ACCOUNT_ACTIONS, "startRegistrationAction", ["this-device"], {
    jar: copied,
  });
  expect(withCopy.result).toMatchObject({ ok: false, code: "step-up:required" });
  const withNew = await client.call("/account", ACCOUNT_ACTIONS, "startRegistrationAction", ["this-device"], {
    jar: steppedUp,
  });
  expect(withNew.result).toMatchObject({ ok: true });
});
