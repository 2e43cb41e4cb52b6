// The response inspector: a captured vector pasted into /inspect is judged and decoded; the API answers garbage and
// oversized bodies with clean, typed 4xx JSON.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import fidoU2f from "../lib/inspect/vectors/fido-u2f-yubico.json" with { type: "json" };

test("a pasted YubiKey registration is valid, with its attestation certificate decoded", async ({ page }) => {
  await page.goto("/inspect");
  await page.getByLabel(/Response JSON/).fill(JSON.stringify(fidoU2f.response));
  await page.getByLabel("Expected challenge (base64url)").fill(fidoU2f.expected.challenge);
  await page.getByLabel("Expected origins").fill(fidoU2f.expected.origin);
  await page.getByLabel("RP ID").fill(fidoU2f.expected.rpId);
  await page.getByRole("button", { name: "Inspect" }).click();
  await expect(page.getByTestId("inspect-verdict")).toHaveText("valid");
  await expect(page.getByRole("row", { name: /rp-id-hash/ })).toContainText("§7.1 step 14");
  await page.getByText("attestation", { exact: true }).click();
  await expect(page.getByText(/CN=Yubico U2F EE Serial 719807075/)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("an example loads and a wrong origin makes it invalid", async ({ page }) => {
  await page.goto("/inspect");
  await page.getByRole("button", { name: /Load an example: Authentication/ }).click();
  await page.getByLabel("Expected origins").fill("https://elsewhere.example");
  await page.getByRole("button", { name: "Inspect" }).click();
  await expect(page.getByTestId("inspect-verdict")).toHaveText("invalid");
  await expect(page.getByRole("row", { name: /origin is "https:\/\/dev.dontneeda.pw"/ })).toContainText("§7.2 step 12");
});

test("the API answers garbage and oversized bodies with typed 4xx JSON", async ({ request }) => {
  const garbage = await request.post("/api/inspect", {
    data: Buffer.from("{not json"),
    headers: { "content-type": "application/json" },
  });
  expect(garbage.status()).toBe(400);
  expect((await garbage.json()).code).toBe("inspect:bad-json");
  const wrongShape = await request.post("/api/inspect", { data: { response: 42 } });
  expect(wrongShape.status()).toBe(400);
  expect((await wrongShape.json()).code).toBe("inspect:bad-request");
  const huge = await request.post("/api/inspect", { data: { response: { padding: "a".repeat(1024 * 1024 + 10) } } });
  expect(huge.status()).toBe(413);
  expect(await huge.json()).toMatchObject({ ok: false, code: "inspect:too-large" });
});
