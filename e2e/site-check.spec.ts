// The site checker (/inspect/site) against well-known files this test serves on localhost: each mistake named with
// what browsers do, a missing file as a note, and bad input as a typed error. The e2e server allows localhost targets
// (SITE_CHECK_TARGETS=any in scripts/e2e-server.mjs); the production default refuses them
// (lib/site-check/fetch-well-known.test.ts).
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const FILES: Record<string, { type: string; body: string }> = {
  "/.well-known/webauthn": {
    type: "application/json",
    body: JSON.stringify({
      origins: [
        "https://shop.example.co.uk",
        "http://shop.example",
        "https://two.example",
        "https://three.example",
        "https://four.example",
        "https://five.example",
        "https://six.example",
      ],
    }),
  },
  "/.well-known/passkey-endpoints": {
    type: "text/html",
    body: JSON.stringify({ enroll: "https://shop.example/passkeys/new" }),
  },
};

/** A site on localhost for one test, and its origin; the test closes it. */
async function localSite(handle: http.RequestListener): Promise<{ site: http.Server; origin: string }> {
  const site = http.createServer(handle);
  site.listen(0, "localhost");
  await once(site, "listening");
  return { site, origin: `http://localhost:${(site.address() as AddressInfo).port}` };
}

async function checkSite(page: Page, origin: string) {
  await page.goto("/inspect/site");
  await page.getByLabel("RP ID or origin").fill(origin);
  await page.getByRole("button", { name: "Check the site" }).click();
}

test("a site's well-known files are judged rule by rule, with what browsers do", async ({ page, request }) => {
  const { site, origin } = await localSite((req, res) => {
    const file = FILES[req.url ?? ""];
    if (!file) return res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    res.writeHead(200, { "content-type": file.type }).end(file.body);
  });
  try {
    await checkSite(page, origin);
    const related = page.getByRole("region", { name: "Related origins (/.well-known/webauthn)" });
    await expect(related).toContainText("is not https");
    await expect(related).toContainText('not https: "http://shop.example"');
    await expect(related).toContainText(
      'past the 5th distinct registrable label (example, shop, two, three, four): "https://five.example", "https://six.example"',
    );
    await expect(related).toContainText("Chrome and Safari stop at 5 labels and skip these");
    const endpoints = page.getByRole("region", { name: "Passkey endpoints (/.well-known/passkey-endpoints)" });
    await expect(endpoints).toContainText("served as text/html, not application/json");
    await expect(endpoints).toContainText('"enroll" is https://shop.example/passkeys/new');
    await expect(endpoints).toContainText('no "manage" URL');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    // An IP address is never an RP ID: a typed error, and no report.
    await page.getByLabel("RP ID or origin").fill("192.0.2.1");
    await page.getByRole("button", { name: "Check the site" }).click();
    await expect(page.getByRole("region", { name: "Site" }).getByRole("alert")).toContainText(
      "(site-check:ip-address)",
    );
    await expect(page.getByTestId("site-report")).toHaveCount(0);
  } finally {
    site.close();
  }

  // Bad input over HTTP: typed 4xx JSON, never a 500.
  for (const data of [Buffer.from("{not json"), { site: 42 }, { site: "https://example.com/login" }]) {
    const answer = await request.post("/api/inspect/site", { data, headers: { "content-type": "application/json" } });
    expect(answer.status()).toBe(400);
    expect((await answer.json()).code).toMatch(/^(input:invalid|site-check:malformed)$/);
  }
});

test("a well-known file behind redirects is read where browsers read it, and each redirect is named", async ({
  page,
}) => {
  // /.well-known/webauthn moves twice before the file (browsers follow such redirects); passkey-endpoints moves once.
  const moves: Record<string, string> = {
    "/.well-known/webauthn": "/moved",
    "/moved": "/files/webauthn.json",
    "/.well-known/passkey-endpoints": "/files/passkey-endpoints.json",
  };
  const { site, origin } = await localSite((req, res) => {
    const location = moves[req.url ?? ""];
    if (location) return res.writeHead(301, { location }).end();
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ origins: ["https://shop.example"] }));
  });
  try {
    await checkSite(page, origin);
    const related = page.getByRole("region", { name: "Related origins (/.well-known/webauthn)" });
    await expect(related).toContainText(
      `reached through 2 redirects: ${origin}/.well-known/webauthn → ${origin}/moved → ${origin}/files/webauthn.json`,
    );
    await expect(related).toContainText("pages on these origins may use the RP ID localhost: https://shop.example");
    const endpoints = page.getByRole("region", { name: "Passkey endpoints (/.well-known/passkey-endpoints)" });
    await expect(endpoints).toContainText(`HTTP 301, a redirect to ${origin}/files/passkey-endpoints.json`);
    await expect(endpoints).toContainText("serve the file at this URL");
  } finally {
    site.close();
  }
});
