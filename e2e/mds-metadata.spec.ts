// FIDO Metadata Service (issue 17): with no BLOB stored the pages say so; once `npm run mds:update` stores one, the
// passkey list and the support console show the model's icon, certification and statuses in words, and name the BLOB;
// a BLOB with a lower number is refused by the CLI and changes nothing.
import { expect, test } from "@playwright/test";
import { supportStaff } from "./fixtures/support";
import { removeStoredBlob, storeTestBlob, TEST_ICON } from "./fixtures/mds";

const CHROMIUM_AAGUID = "01020304-0506-0708-0102-030405060708";

// Every virtual authenticator has this AAGUID: other specs' passkeys must not carry this spec's metadata for long.
test.afterEach(removeStoredBlob);

test("stored FIDO metadata shows on the passkey list and in the support console, naming its BLOB", async ({ page }) => {
  const { email } = await supportStaff(page);
  await page.goto("/account");
  const passkeys = page.getByRole("region", { name: "Passkeys" });
  await expect(passkeys.getByText("No FIDO Metadata Service BLOB is stored here")).toBeVisible();

  const stored = await storeTestBlob(5, [
    {
      aaguid: CHROMIUM_AAGUID,
      metadataStatement: {
        aaguid: CHROMIUM_AAGUID,
        description: "Chromium virtual authenticator",
        icon: TEST_ICON,
        attestationRootCertificates: [],
      },
      statusReports: [
        { status: "FIDO_CERTIFIED_L1", effectiveDate: "2024-01-01" },
        { status: "USER_VERIFICATION_BYPASS", effectiveDate: "2025-01-01" },
      ],
    },
  ]);
  expect(stored).toMatchObject({ status: 0, output: expect.stringContaining("Stored metadata BLOB no. 5") });

  await page.reload();
  const passkey = page.getByRole("listitem", { name: "Chromium virtual authenticator" });
  await expect(passkey.getByText("FIDO Certified Level 1")).toBeVisible();
  await expect(passkey.getByText("Its PIN or biometric check can be bypassed.")).toBeVisible();
  // The icon is a data: URL; it loads only if the page's CSP (img-src) lets it.
  const icon = passkey.locator(`img[src="${TEST_ICON}"]`);
  await expect(icon).toBeVisible();
  expect(await icon.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(1);
  await expect(
    passkeys.getByText(/from a test metadata service's BLOB no\. 5, stored \d{4}-\d{2}-\d{2}, next update due/),
  ).toBeVisible();

  // `no` never goes backwards: the CLI refuses no. 4 and the page still names no. 5.
  const older = await storeTestBlob(4, []);
  expect(older).toMatchObject({ status: 1, output: expect.stringContaining("older than the stored no. 5") });

  await page.goto("/support");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Look up" }).click();
  const shown = page.getByRole("list", { name: "Passkeys" });
  await expect(shown.getByText("FIDO Certified Level 1")).toBeVisible();
  await expect(shown.getByText("Its PIN or biometric check can be bypassed.")).toBeVisible();
  await expect(page.getByText(/from a test metadata service's BLOB no\. 5,/)).toBeVisible();
});
