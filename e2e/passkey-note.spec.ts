// "A note only your passkey can open" (issue 15 item 7) in Chromium with a virtual authenticator that does PRF
// (CTAP 2.1 hmac-secret), against `next start`: the note is sealed and read in the page; the server's database never
// holds its text.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { authenticatorKinds, VirtualAuthenticator } from "@passkey-lab/kit/playwright";
import type { SoftwareAuthenticator } from "@/lib/authenticator";
import { CookieJar } from "@/test/server-action-client";
import { addPasskey, enableTotp, signUp, stepUpWithTotp } from "./fixtures/account";
import { apiAccount } from "./fixtures/api-account";
import { portalClient } from "@/test/portal-client";
import { reportCardKinds } from "./fixtures/report-card";
import { readServerDatabase, writeServerDatabase } from "./fixtures/server-database";

const NOTE_ACTIONS = "app/(account)/account/note-actions.ts";
type Result<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

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
  // What the page posts with each assertion: the extension results, where the PRF output would be, go out empty.
  const extensionResultsSent: string[] = [];
  page.on("request", (request) => {
    const body = request.method() === "POST" ? (request.postData() ?? "") : "";
    for (const match of body.matchAll(/"clientExtensionResults":(\{[^}]*\}?)/g)) extensionResultsSent.push(match[1]);
  });
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
  // Sealing and opening each posted an assertion with empty extension results; no post carried a PRF result.
  expect(extensionResultsSent.filter((sent) => sent === "{}").length).toBeGreaterThanOrEqual(2);
  expect(extensionResultsSent.filter((sent) => sent.includes("results"))).toEqual([]);

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

test("a passkey without PRF says so plainly, before and after asking it, and nothing is stored", async ({ page }) => {
  await VirtualAuthenticator.attach(page, authenticatorKinds.platform);
  const email = await signUp(page);
  const { totp } = await enableTotp(page);
  await addPasskey(page, "This device", stepUpWithTotp(page, totp));

  // The browser said, when the passkey was made, that it has no PRF: its card says so, and sealing is refused at once.
  const passkey = page.getByRole("list", { name: "Your passkeys" }).getByRole("listitem");
  await expect(passkey.getByText("Can't seal a note (no PRF)")).toBeVisible();
  const card = await writeNote(page, "never sealed");
  await expect(card.getByRole("alert")).toContainText(
    "None of your passkeys can seal a note: when each was added, your browser said it has no PRF",
  );

  // A passkey made before that was kept (nothing said): it is asked, and its missing PRF secret is named then.
  await writeServerDatabase((database) =>
    database.execute({
      sql: "UPDATE passkeys SET prf_enabled = NULL WHERE user_id = (SELECT id FROM users WHERE email = ?)",
      args: [email],
    }),
  );
  await page.reload();
  await expect(passkey.getByText("Can't seal a note (no PRF)")).toHaveCount(0);
  const retried = await writeNote(page, "never sealed");
  await expect(retried.getByRole("alert")).toContainText(
    "This passkey can't lock a note: it gave this page no PRF secret",
  );
  await expect(retried.getByText("No note yet.")).toBeVisible();
  const stored = await readServerDatabase(async (database) => {
    const result = await database.execute({
      sql: "SELECT count(*) AS n FROM passkey_notes n JOIN users u ON u.id = n.user_id WHERE u.email = ?",
      args: [email],
    });
    return Number(result.rows[0].n);
  });
  expect(stored).toBe(0);
});

test("over HTTP: bad input of any shape is input:invalid with nothing stored; another account reaches no note", async ({
  page,
  baseURL,
}) => {
  const client = portalClient(baseURL!);
  const owner = await apiAccount(page, baseURL!, 1);
  const call = <T>(jar: CookieJar, name: string, args: unknown[]) =>
    client.call<Result<T>>("/account", NOTE_ACTIONS, name, args, { jar });
  type Started = { ceremonyId: string; options: Parameters<SoftwareAuthenticator["authenticate"]>[0]; salt?: string };

  expect((await call(owner.jar, "startNoteCeremonyAction", ["open"])).result).toMatchObject({ code: "note:not-found" });
  expect((await call(owner.jar, "deleteNoteAction", [])).result).toMatchObject({ code: "note:not-found" });
  for (const kind of ["delete", "", null, 7, { kind: "seal" }]) {
    const answer = await call(owner.jar, "startNoteCeremonyAction", [kind]);
    expect(answer.status, JSON.stringify(kind)).toBe(200);
    expect(answer.result, JSON.stringify(kind)).toMatchObject({ ok: false, code: "input:invalid" });
  }

  const seal = await call<Started>(owner.jar, "startNoteCeremonyAction", ["seal"]);
  if (!seal.result?.ok) throw new Error(seal.body);
  const response = owner.authenticator.authenticate(seal.result.data.options, baseURL!);
  const b64 = (length: number) => randomBytes(length).toString("base64url");
  const good = { salt: b64(32), iv: b64(12), ciphertext: b64(40) };
  for (const sealed of [
    { ...good, salt: b64(16) },
    { ...good, ciphertext: "a plaintext note, sent by mistake" },
    { ...good, ciphertext: b64(5000) },
    { ...good, key: b64(32) },
    { salt: good.salt },
    "not an object",
    null,
  ]) {
    const answer = await call(owner.jar, "sealNoteAction", [seal.result.data.ceremonyId, response, sealed]);
    expect(answer.result, JSON.stringify(sealed).slice(0, 80)).toMatchObject({ ok: false, code: "input:invalid" });
  }
  expect((await call(owner.jar, "openNoteAction", ["x".repeat(5000), response])).result).toMatchObject({
    code: "input:invalid",
  });
  // Input errors are refused before the ceremony: its challenge is still good for the well-formed note.
  const saved = await call(owner.jar, "sealNoteAction", [seal.result.data.ceremonyId, response, good]);
  expect(saved.result).toMatchObject({ ok: true });

  // Another account: its own "open" finds no note, and the owner's ceremony is not its to finish.
  const stranger = await apiAccount(await page.context().browser()!.newPage(), baseURL!, 1);
  expect((await call(stranger.jar, "startNoteCeremonyAction", ["open"])).result).toMatchObject({
    code: "note:not-found",
  });
  const open = await call<Started>(owner.jar, "startNoteCeremonyAction", ["open"]);
  if (!open.result?.ok) throw new Error(open.body);
  expect(open.result.data.salt).toBe(good.salt);
  const assertion = owner.authenticator.authenticate(open.result.data.options, baseURL!);
  const stolen = await call(stranger.jar, "openNoteAction", [open.result.data.ceremonyId, assertion]);
  expect(stolen.result).toMatchObject({ ok: false, code: "challenge:invalid" });
  expect(stolen.body).not.toContain(good.ciphertext);
});
