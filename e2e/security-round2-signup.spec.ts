// Security bar H62 (sign-up half; issue 10 item 3) against the real server: sign-up answers alike whether or not an
// address has an account, and only the code mailed to a new address makes one. Mail stays in the e2e server's outbox
// (no SMTP_URL), which the tests read from its database as the address's owner would read their inbox.
import { createClient } from "@libsql/client";
import { expect, test } from "@playwright/test";
import { clientKey } from "@/lib/client-address";
import { confirmSignUp, portalClient, setsSession, startPasswordSignIn, startSignUp } from "@/test/portal-client";
import { PASSWORD, signUp, uniqueEmail } from "./fixtures/account";
import { signUpOverHttp } from "./fixtures/api-account";
import { mailTo, signUpCodeFor } from "./fixtures/mail";
import { readServerDatabase, SERVER_DATABASE_URL } from "./fixtures/server-database";

const CODE_MAIL = "Your Passkey Lab sign-up code";
const NOTICE_MAIL = "Someone tried to create a Passkey Lab account with your address";

function accountsWithEmail(email: string): Promise<number> {
  return readServerDatabase(async (database) => {
    const { rows } = await database.execute({ sql: "select count(*) as n from users where email = ?", args: [email] });
    return Number(rows[0].n);
  });
}

/**
 * Fifteen minutes pass for one sign-up: its expiry is moved into the past in the server's database, the one thing a
 * test cannot wait for (the server's clock cannot be moved from outside; lib/auth/sign-up.test.ts moves it in-process).
 */
async function expireSignUpsFor(email: string): Promise<void> {
  const database = createClient({ url: SERVER_DATABASE_URL, timeout: 5_000, concurrency: 1 });
  try {
    await database.execute({
      sql: "update sign_up_requests set expires_at = ? where email = ?",
      args: [Date.now() - 1, email],
    });
  } finally {
    database.close();
  }
}

test("SEC-62 sign-up answers a stranger alike for an address with an account and a new one; the owner gets a notice, and no account or session is made", async ({
  baseURL,
}) => {
  const { email: ownerEmail } = await signUpOverHttp(portalClient(baseURL!), uniqueEmail("owner"));
  const newEmail = uniqueEmail("fresh");
  const stranger = portalClient(baseURL!);

  const forOwner = await startSignUp(stranger, ownerEmail, "the stranger's long password");
  const forNew = await startSignUp(stranger, newEmail, "the stranger's long password");

  // Same status, same shape, same words: only the echoed email and the random token differ.
  expect(forOwner.status).toBe(forNew.status);
  expect(forOwner.result).toMatchObject({ ok: true, next: "code", email: ownerEmail });
  expect(forNew.result).toMatchObject({ ok: true, next: "code", email: newEmail });
  const neutral = (answer: typeof forOwner, email: string) =>
    answer.body.replace(answer.result!.ok ? answer.result!.pendingToken : "", "TOKEN").replaceAll(email, "EMAIL");
  expect(neutral(forOwner, ownerEmail)).toBe(neutral(forNew, newEmail));
  expect(forOwner.setCookies).toEqual([]);
  expect(forNew.setCookies).toEqual([]);

  // Only the mail differs, and only the address's owner reads it: a notice without a code to the owner.
  const ownerMail = (await mailTo(ownerEmail)).at(-1)!;
  expect(ownerMail.subject).toBe(NOTICE_MAIL);
  expect(ownerMail.body).toContain("sign in at");
  expect(ownerMail.body).not.toMatch(/\d{6}/);
  expect((await mailTo(newEmail)).map((mail) => mail.subject)).toEqual([CODE_MAIL]);

  // No second account, no account for the new address yet, and the owner's password is still the one that works.
  expect(await accountsWithEmail(ownerEmail)).toBe(1);
  expect(await accountsWithEmail(newEmail)).toBe(0);
  expect(
    (await startPasswordSignIn(portalClient(baseURL!), ownerEmail, "the stranger's long password")).result,
  ).toMatchObject({ ok: false, code: "auth:invalid-credentials" });
  expect(setsSession((await startPasswordSignIn(portalClient(baseURL!), ownerEmail, PASSWORD)).setCookies)).toBe(true);

  // The owner's request cannot be finished with any code, and refuses like a wrong code for a new address.
  const ownerToken = forOwner.result!.ok ? forOwner.result!.pendingToken : "";
  const newToken = forNew.result!.ok ? forNew.result!.pendingToken : "";
  const newCode = await signUpCodeFor(newEmail);
  const wrongForNew = newCode === "000000" ? "000001" : "000000";
  const ownerTry = await confirmSignUp(stranger, ownerToken, newCode);
  const newTry = await confirmSignUp(stranger, newToken, wrongForNew);
  expect(ownerTry.result).toMatchObject({ ok: false, code: "sign-up:invalid-code" });
  expect(ownerTry.result).toEqual(newTry.result);
  expect(ownerTry.signedIn || newTry.signedIn).toBe(false);
  expect(await accountsWithEmail(ownerEmail)).toBe(1);
});

test("SEC-62 the code mailed to a new address: wrong, expired, used-up and reused codes are refused; the right one makes the account and signs in", async ({
  baseURL,
}) => {
  const client = portalClient(baseURL!);
  const start = async (email: string) => {
    const answer = await startSignUp(client, email, PASSWORD);
    expect(answer.result).toMatchObject({ ok: true, next: "code" });
    return { token: answer.result!.ok ? answer.result!.pendingToken : "", code: await signUpCodeFor(email) };
  };
  const other = (code: string) => (code === "000000" ? "000001" : "000000");

  // Wrong, then right: the account is made and the answer signs in, on to /account.
  const email = uniqueEmail("code");
  const { token, code } = await start(email);
  const wrong = await confirmSignUp(client, token, other(code));
  expect(wrong.result).toMatchObject({ ok: false, code: "sign-up:invalid-code" });
  expect(wrong.signedIn).toBe(false);
  expect(await accountsWithEmail(email)).toBe(0);
  const right = await confirmSignUp(client, token, code);
  expect(right.signedIn).toBe(true);
  expect(right.redirect).toContain("/account");
  expect(await accountsWithEmail(email)).toBe(1);
  const account = await fetch(new URL("/account", baseURL), {
    headers: { Cookie: right.jar.header() },
    redirect: "manual",
  });
  expect(account.status).toBe(200);

  // The same code again: refused, no session.
  const reused = await confirmSignUp(client, token, code);
  expect(reused.result).toMatchObject({ ok: false, code: "sign-up:expired" });
  expect(reused.signedIn).toBe(false);

  // Fifteen minutes later the right code is refused, and no account is made.
  const late = uniqueEmail("late");
  const lateSignUp = await start(late);
  await expireSignUpsFor(late);
  const expired = await confirmSignUp(client, lateSignUp.token, lateSignUp.code);
  expect(expired.result).toMatchObject({ ok: false, code: "sign-up:expired" });
  expect(expired.signedIn).toBe(false);
  expect(await accountsWithEmail(late)).toBe(0);

  // Five wrong codes use the request up: the right one is refused after them.
  const guessed = uniqueEmail("guessed");
  const guessedSignUp = await start(guessed);
  const answers = [];
  for (let i = 0; i < 5; i++)
    answers.push((await confirmSignUp(client, guessedSignUp.token, other(guessedSignUp.code))).result);
  expect(answers.map((answer) => answer && !answer.ok && answer.code)).toEqual([
    ...Array(4).fill("sign-up:invalid-code"),
    "sign-up:expired",
  ]);
  const afterGuesses = await confirmSignUp(client, guessedSignUp.token, guessedSignUp.code);
  expect(afterGuesses.result).toMatchObject({ ok: false, code: "sign-up:expired" });
  expect(afterGuesses.signedIn).toBe(false);
  expect(await accountsWithEmail(guessed)).toBe(0);
});

test("SEC-62 code guesses from one client are cut off at 30 a minute, counted in the database; another client goes on", async ({
  baseURL,
}) => {
  // A network of its own: limits count an IPv6 client as its /64.
  const address = `2001:db8:62:${Math.floor(Math.random() * 0xffff).toString(16)}::1`;
  const guesser = portalClient(baseURL!, address);
  const answers = [];
  for (let i = 0; i < 31; i++) answers.push((await confirmSignUp(guesser, `made-up-token-${i}`, "123456")).result);
  expect(answers.slice(0, 30).every((answer) => answer && !answer.ok && answer.code === "sign-up:expired")).toBe(true);
  expect(answers[30]).toMatchObject({ ok: false, code: "rate:limited" });
  const counted = await readServerDatabase(async (database) => {
    const { rows } = await database.execute({
      sql: "select count from rate_limit_buckets where key = ?",
      args: [`sign-up-code:client:${clientKey(address)}`],
    });
    return Number(rows[0]?.count);
  });
  expect(counted).toBe(31);
  expect((await confirmSignUp(portalClient(baseURL!), "made-up-token", "123456")).result).toMatchObject({
    ok: false,
    code: "sign-up:expired",
  });
});

test("SEC-62 in the browser: the same 'check your email' page for a taken and a new address; a wrong code is refused, the right one opens the account", async ({
  browser,
  page,
}) => {
  const taken = await signUp(await (await browser.newContext()).newPage());
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": `198.18.62.${Math.floor(Math.random() * 256)}` });
  const codeStep = async (email: string) => {
    await page.goto("/sign-up");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    return (await page.locator("main").innerText()).replaceAll(email, "EMAIL");
  };
  const takenPage = await codeStep(taken);
  await page.getByLabel("Code from the email").fill("000000");
  await page.getByRole("button", { name: "Verify and create account" }).click();
  await expect(page.getByText(/^That code didn't work\./)).toBeVisible();

  const email = uniqueEmail("browser");
  expect(await codeStep(email)).toBe(takenPage);
  const code = await signUpCodeFor(email);
  await page.getByLabel("Code from the email").fill(code === "000000" ? "000001" : "000000");
  await page.getByRole("button", { name: "Verify and create account" }).click();
  await expect(page.getByText(/^That code didn't work\./)).toBeVisible();
  await page.getByLabel("Code from the email").fill(code);
  await page.getByRole("button", { name: "Verify and create account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page).toHaveURL(/\/account$/);
  expect(await accountsWithEmail(taken)).toBe(1);
});

test("SEC-62 the outbox page is not served by next start: a stranger cannot read who got a code and who a notice", async ({
  baseURL,
}) => {
  const outbox = await fetch(new URL("/dev/outbox", baseURL), { redirect: "manual" });
  expect(outbox.status).toBe(404);
  expect(await outbox.text()).not.toContain(CODE_MAIL);
});
