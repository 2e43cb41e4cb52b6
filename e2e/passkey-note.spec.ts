// "A note only your passkey can open" (issue 15 item 7) in Chromium with a virtual authenticator that does PRF
// (CTAP 2.1 hmac-secret), against `next start`: the note is sealed and read in the page; the server's database never
// holds its text.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { authenticatorKinds, VirtualAuthenticator } from "@passkey-lab/kit/playwright";
import { addPasskey, enableTotp, signUp, stepUpWithTotp } from "./fixtures/account";
import { reportCardKinds } from "./fixtures/report-card";
import { readServerDatabase } from "./fixtures/server-database";

/** Every value of every table, text and blobs alike, that contains `needle`, as "table.column". */
async function whereStored(needle: string): Promise<string[]> {
  return readServerDatabase(async (database) => {
    const tables = await database.execute("SELECT name FROM sqlite_master WHERE type = 'table'");
    const found: string[] = [];
    for (const { name } of tables.rows) {
      const rows = await database.execute(`SELECT * FROM "${String(name)}"`);
      for (const row of rows.rows) {
        for (const column of rows.columns) {
          const value = row[column];
          const text = value instanceof ArrayBuffer ? Buffer.from(value).toString("utf8") : String(value);
          if (text.includes(needle)) found.push(`${String(name)}.${column}`);
        }
      }
    }
    return found;
  });
}

async function writeNote(page: Page, text: string) {
  const card = page.getByRole("region", { name: "A note only your passkey can open" });
  await card.getByLabel(/Write (a|a new) note/).fill(text);
  await card.getByRole("button", { name: "Seal with a passkey" }).click();
  return card;
}

test("a person seals a note with a PRF passkey, reloads, opens it with that passkey; the database has no plaintext", async ({
  page,
}) => {
  const authenticator = await VirtualAuthenticator.attach(page, reportCardKinds.platformManager);
  const email = await signUp(page);
  const { totp } = await enableTotp(page);
  await addPasskey(page, "This device", stepUpWithTotp(page, totp));
  const counter = async () => (await authenticator.credentials())[0].signCount;

  const text = `Locker 17, code ${randomBytes(4).toString("hex")} — only for me`;
  const card = await writeNote(page, text);
  await expect(card.getByText("Note sealed. Only the passkey you just used can open it.")).toBeVisible();
  await expect(card.getByText(/^A note sealed with Chromium virtual authenticator on /)).toBeVisible();
  const sealedAt = await counter();

  // What the server keeps: ciphertext, IV and salt of the right lengths, bound to the passkey; the text nowhere.
  expect(await whereStored(email)).toContain("users.email"); // the search finds what is there
  expect(await whereStored(text)).toEqual([]);
  expect(await whereStored(text.split(", code ")[1])).toEqual([]);
  const [row] = await readServerDatabase(async (database) => {
    const result = await database.execute(
      "SELECT n.passkey_id, length(n.salt) AS salt, length(n.iv) AS iv, length(n.ciphertext) AS ciphertext " +
        "FROM passkey_notes n JOIN passkeys p ON p.id = n.passkey_id",
    );
    return result.rows;
  });
  expect(row).toMatchObject({ salt: 32, iv: 12, ciphertext: Buffer.byteLength(text) + 16 });
  expect(row.passkey_id).toBe((await authenticator.credentials())[0].credentialId);

  // Reloaded, the page knows only that there is a note; the passkey opens it again.
  await page.reload();
  const reloaded = page.getByRole("region", { name: "A note only your passkey can open" });
  await expect(reloaded.getByText(text)).toHaveCount(0);
  await reloaded.getByRole("button", { name: "Open with your passkey" }).click();
  await expect(reloaded.getByRole("region", { name: "Your opened note" })).toHaveText(new RegExp(text));
  // Opening was a real, server-verified assertion by that passkey.
  expect(await counter()).toBe(sealedAt + 1);

  await page.goto("/account/activity");
  await expect(page.getByText("Note opened with its passkey")).toBeVisible();
  await expect(page.getByText("Note sealed with a passkey (only that passkey can open it)")).toBeVisible();

  // Deleted, it is gone for good.
  await page.goto("/account");
  const again = page.getByRole("region", { name: "A note only your passkey can open" });
  await again.getByRole("button", { name: "Delete note" }).click();
  await page.getByRole("dialog", { name: "Delete your note?" }).getByRole("button", { name: "Delete note" }).click();
  await expect(again.getByText("Note deleted.")).toBeVisible();
  await expect(again.getByText("No note yet.")).toBeVisible();
});

test("a passkey without PRF says so plainly, and nothing is stored", async ({ page }) => {
  await VirtualAuthenticator.attach(page, authenticatorKinds.platform);
  const email = await signUp(page);
  const { totp } = await enableTotp(page);
  await addPasskey(page, "This device", stepUpWithTotp(page, totp));

  const card = await writeNote(page, "never sealed");
  await expect(card.getByRole("alert")).toContainText(
    "This passkey can't lock a note: it gave this page no PRF secret",
  );
  await expect(card.getByText("No note yet.")).toBeVisible();
  const stored = await readServerDatabase(async (database) => {
    const result = await database.execute({
      sql: "SELECT count(*) AS n FROM passkey_notes n JOIN users u ON u.id = n.user_id WHERE u.email = ?",
      args: [email],
    });
    return Number(result.rows[0].n);
  });
  expect(stored).toBe(0);
});
