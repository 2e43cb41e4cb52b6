// The response inspector: a captured vector pasted into /inspect is judged and decoded; the API answers garbage and
// oversized bodies with clean, typed 4xx JSON.
import AxeBuilder from "@axe-core/playwright";
import { VirtualAuthenticator } from "@passkey-lab/kit/playwright";
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
  await page.getByText("Attestation", { exact: true }).click();
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

test("a round trip as a new user makes it: register in the browser, carry the key over, inspect the sign-in", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/inspect");
  await VirtualAuthenticator.attach(page, "platform");
  const origin = new URL(page.url()).origin;
  const challenge = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
  const creationOptions = {
    challenge: challenge(),
    rp: { id: "localhost", name: "Round trip" },
    user: { id: challenge(), name: "ada@example.com", displayName: "Ada" },
    pubKeyCredParams: [{ type: "public-key", alg: -7 }],
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  };
  // What a site's page does: options from JSON, the credential back as toJSON() (its public key as SPKI).
  const registration = await page.evaluate(async (options) => {
    const created = (await navigator.credentials.create({
      publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options as PublicKeyCredentialCreationOptionsJSON),
    })) as PublicKeyCredential;
    return created.toJSON() as { id: string; response: { publicKey: string } };
  }, creationOptions);

  await page.getByLabel(/Response JSON/).fill(JSON.stringify(registration));
  await page.getByLabel(/Options the relying party sent/).fill(JSON.stringify(creationOptions));
  await page.getByLabel("Expected origins").fill(origin);
  await page.getByRole("button", { name: "Inspect" }).click();
  await expect(page.getByTestId("inspect-verdict")).toHaveText("valid");
  await expect(page.getByRole("row", { name: /credential-alg/ })).toContainText(
    "which pubKeyCredParams offered (ES256)",
  );
  // Decoded fields read like a form: labels and values, not JSON.
  const authData = page.locator("details", { hasText: "Authenticator data" });
  await expect(authData.getByRole("term").filter({ hasText: /^RP ID hash$/ })).toBeVisible();
  await expect(authData.getByRole("listitem").filter({ hasText: "UV set: user verified" })).toBeVisible();

  const credential = page.getByRole("region", { name: "The registered credential" });
  await credential.getByRole("button", { name: "Copy the key" }).click();
  await expect(credential.getByRole("status")).toHaveText("Copied the key.");
  const key = await credential.getByLabel("Credential public key (COSE, base64url)").inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await credential.getByRole("button", { name: "Inspect a sign-in with this key" }).click();
  await expect(page.getByLabel("Credential public key (authentication)")).toHaveValue(key);
  await expect(page.getByLabel(/Response JSON/)).toBeFocused();

  const requestOptions = {
    challenge: challenge(),
    rpId: "localhost",
    allowCredentials: [{ id: registration.id, type: "public-key" }],
    userVerification: "required",
  };
  const assertion = await page.evaluate(async (options) => {
    const got = (await navigator.credentials.get({
      publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options as PublicKeyCredentialRequestOptionsJSON),
    })) as PublicKeyCredential;
    return got.toJSON();
  }, requestOptions);
  await page.getByLabel(/Response JSON/).fill(JSON.stringify(assertion));
  await page.getByLabel(/Options the relying party sent/).fill(JSON.stringify(requestOptions));
  await page.getByRole("button", { name: "Inspect" }).click();
  await expect(page.getByTestId("inspect-verdict")).toHaveText("valid");
  await expect(page.getByRole("row", { name: /allow-credentials/ })).toContainText("§7.2 step 5");
  await expect(page.getByRole("row", { name: /signature/ }).first()).toContainText("verifies");

  // The SPKI that toJSON() gave at registration works as well; a key in neither form is an input error.
  await page.getByLabel("Credential public key (authentication)").fill(registration.response.publicKey);
  await page.getByRole("button", { name: "Inspect" }).click();
  await expect(page.getByTestId("inspect-verdict")).toHaveText("valid");
  await page.getByText("Credential public key", { exact: true }).click();
  await expect(page.getByText("SPKI (algorithm taken as ES256)")).toBeVisible();
  await page.getByLabel("Credential public key (authentication)").fill("bm90IGEga2V5");
  await page.getByRole("button", { name: "Inspect" }).click();
  await expect(page.getByRole("region", { name: "Response and expectations" }).getByRole("alert")).toContainText(
    "(inspect:bad-public-key)",
  );
  await expect(page.getByTestId("inspect-report")).toHaveCount(0);
});
