// The well-known files, as a password manager and a browser fetch them from the running portal.
import { expect, test } from "@playwright/test";
import { signUp } from "./fixtures/account";

test("/.well-known/passkey-endpoints sends password managers to the account page's passkeys", async ({
  request,
  page,
  baseURL,
}) => {
  // A forged host changes nothing: the addresses come from the configuration (RP_ORIGINS), not from the request.
  const answer = await request.get("/.well-known/passkey-endpoints", {
    headers: { "X-Forwarded-Host": "evil.example" },
  });
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toContain("application/json");
  expect(answer.headers()["access-control-allow-origin"]).toBe("*");
  const endpoints = await answer.json();
  expect(endpoints).toEqual({ enroll: `${baseURL}/account#passkeys`, manage: `${baseURL}/account#passkeys` });
  // The address leads somewhere real: a visitor is sent to sign in, and /account is where a sign-in lands.
  await page.goto(endpoints.manage);
  await expect(page).toHaveURL(/\/sign-in(\?|#|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("/.well-known/webauthn is a 404 in the one failure shape while no related origins are configured", async ({
  request,
}) => {
  const answer = await request.get("/.well-known/webauthn");
  expect(answer.status()).toBe(404);
  expect(await answer.json()).toMatchObject({ ok: false, code: "well-known:not-configured" });
});

test("the endpoints' anchor is the passkeys card of a signed-in person's account page", async ({ page }) => {
  await signUp(page);
  await page.goto("/account#passkeys");
  await expect(page.locator("#passkeys")).toHaveAccessibleName("Passkeys");
});
