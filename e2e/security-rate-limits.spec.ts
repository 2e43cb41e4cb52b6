// Security bar E44–E46 against the real server: per-client limits on password, second-factor and TOTP step-up
// attempts, counted in the database (lib/auth/rate-limit.ts); the per-account lockout across clients
// (lib/auth/lockout.ts); and the passkey that still lets a locked-out person in (docs/security.md maps them).
import { randomBytes } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { SoftwareAuthenticator } from "@/lib/authenticator";
import { clientKey } from "@/lib/client-address";
import { CookieJar, type ServerActionClient } from "@/test/server-action-client";
import { enableTotp, PASSWORD, signUp, uniqueEmail, type TotpApp } from "./fixtures/account";
import {
  ACCOUNT_ACTIONS,
  finishPasskeySignIn,
  passkeySignInOptions,
  portalClient,
  setsSession,
  SIGN_IN_ACTIONS,
} from "@/test/portal-client";
import { browserJar } from "./fixtures/api-account";
import { readServerDatabase } from "./fixtures/server-database";

/** The budgets of lib/auth/rate-limit.ts `limits`, per client and minute. */
const BUDGET = { password: 60, secondFactor: 30, totpStepUp: 30 };

type Answer =
  { ok: true; data?: unknown; next?: string; pendingToken?: string } | { ok: false; code: string; message: string };

const RATE_LIMITED = {
  ok: false,
  code: "rate:limited",
  message: "Too many attempts from here. Wait a minute, then try again.",
};
const INVALID_CREDENTIALS = {
  ok: false,
  code: "auth:invalid-credentials",
  message: "User not found or password invalid",
};
const WRONG_CODE = expect.objectContaining({ ok: false, code: "totp:invalid-code" });
const WRONG_STEP_UP_CODE = expect.objectContaining({ ok: false, code: "step-up:invalid" });

const passwordStep = (client: ServerActionClient, email: string, password: string) =>
  client.callWithForm<Answer>("/sign-in", SIGN_IN_ACTIONS, "signInWithPasswordAction", { email, password });

const secondFactor = (client: ServerActionClient, pendingToken: string, code: string) =>
  client.callWithForm<Answer>("/sign-in", SIGN_IN_ACTIONS, "completeSecondFactorAction", {
    pendingToken,
    code,
    kind: "totp",
  });

const stepUp = (client: ServerActionClient, jar: CookieJar, code: string) =>
  client.call<Answer>("/account", ACCOUNT_ACTIONS, "stepUpWithTotpAction", [code, "add-passkey"], { jar });

/** The right password, from `client`: the pending sign-in that waits for the code. */
async function pendingSignIn(client: ServerActionClient, email: string): Promise<string> {
  const answer = await passwordStep(client, email, PASSWORD);
  expect(answer.result).toMatchObject({ ok: true, next: "second-factor" });
  return (answer.result as { pendingToken: string }).pendingToken;
}

/** The count of one rate-limit bucket, in the server's database. */
function bucketCount(key: string): Promise<number | undefined> {
  return readServerDatabase(async (database) => {
    const { rows } = await database.execute({ sql: "select count from rate_limit_buckets where key = ?", args: [key] });
    return rows[0] === undefined ? undefined : Number(rows[0].count);
  });
}

/**
 * A flooding client at a random IPv6 documentation address (RFC 3849): no other test, nor a repeat of this one on
 * the same server, shares its buckets.
 */
/** A client of its own on an IPv6 network of its own (limits count an IPv6 client as its /64); `key` is how it is counted. */
function flooder(baseURL: string) {
  const address = `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}::1`;
  return { client: portalClient(baseURL, address), address: clientKey(address) };
}

type Person = { email: string; totp: TotpApp; jar: CookieJar };

/** Signs up and turns on TOTP in a browser of its own; `jar` holds the browser's session for calls over HTTP. */
async function personWithTotp(browser: Browser): Promise<Person> {
  const page = await (await browser.newContext()).newPage();
  const email = await signUp(page);
  const { totp } = await enableTotp(page);
  return { email, totp, jar: await browserJar(page) };
}

/**
 * Signs in with the next code from a client of its own, so the code is spent: from then on the server refuses it like
 * any wrong code (each code works once), where a made-up code could, about once in a million tries, be right.
 */
async function usedCode(baseURL: string, person: Person): Promise<string> {
  const client = portalClient(baseURL);
  const code = await person.totp.code();
  expect(setsSession((await secondFactor(client, await pendingSignIn(client, person.email), code)).setCookies)).toBe(
    true,
  );
  return code;
}

test("SEC-44/46 password attempts from one client are cut off with rate:limited, in the database; another client gets the usual answer", async ({
  browser,
  baseURL,
}) => {
  const email = await signUp(await (await browser.newContext()).newPage());
  const { client: sprayer, address } = flooder(baseURL!);
  // A spray over many accounts (unknown ones here, so no real account gets locked on the way).
  const answers = [];
  for (let i = 0; i <= BUDGET.password; i++)
    answers.push((await passwordStep(sprayer, uniqueEmail("spray"), "not the password")).result);
  expect(answers.slice(0, BUDGET.password)).toEqual(Array(BUDGET.password).fill(INVALID_CREDENTIALS));
  expect(answers[BUDGET.password]).toEqual(RATE_LIMITED);

  // Cut off before any check: from this client even the right password signs no one in.
  const right = await passwordStep(sprayer, email, PASSWORD);
  expect(right.result).toEqual(RATE_LIMITED);
  expect(setsSession(right.setCookies)).toBe(false);
  expect(await bucketCount(`password:client:${address}`)).toBe(BUDGET.password + 2);

  const other = portalClient(baseURL!);
  expect((await passwordStep(other, email, "not the password")).result).toEqual(INVALID_CREDENTIALS);
  expect(setsSession((await passwordStep(other, email, PASSWORD)).setCookies)).toBe(true);
});

test("SEC-44/46 second-factor codes from one client are cut off with rate:limited, in the database; other clients go on", async ({
  browser,
  baseURL,
}) => {
  const victim = await personWithTotp(browser);
  const other = await personWithTotp(browser);
  const wrong = await usedCode(baseURL!, victim);

  const { client: guesser, address } = flooder(baseURL!);
  const pendingToken = await pendingSignIn(guesser, victim.email);
  const answers = [];
  for (let i = 0; i <= BUDGET.secondFactor; i++)
    answers.push((await secondFactor(guesser, pendingToken, wrong)).result);
  expect(answers.slice(0, BUDGET.secondFactor)).toEqual(Array(BUDGET.secondFactor).fill(WRONG_CODE));
  expect(answers[BUDGET.secondFactor]).toEqual(RATE_LIMITED);

  // Cut off before any check: from this client even another person's right code signs no one in.
  const otherPending = await pendingSignIn(guesser, other.email);
  const otherCode = await other.totp.code();
  const refused = await secondFactor(guesser, otherPending, otherCode);
  expect(refused.result).toEqual(RATE_LIMITED);
  expect(setsSession(refused.setCookies)).toBe(false);
  expect(await bucketCount(`second-factor:client:${address}`)).toBe(BUDGET.secondFactor + 2);

  // Another client gets the usual answer to a wrong code, and the other person signs in with the code refused above.
  expect((await secondFactor(portalClient(baseURL!), pendingToken, wrong)).result).toEqual(WRONG_CODE);
  const elsewhere = portalClient(baseURL!);
  const done = await secondFactor(elsewhere, await pendingSignIn(elsewhere, other.email), otherCode);
  expect(setsSession(done.setCookies)).toBe(true);
  expect(done.redirect).toContain("/account");
});

test("SEC-44/46 TOTP step-up codes from one client are cut off with rate:limited, in the database; the wrong ones lock that browser, not the account for others", async ({
  browser,
  baseURL,
}) => {
  const person = await personWithTotp(browser);
  const code = await person.totp.code();
  expect((await stepUp(portalClient(baseURL!), person.jar, code)).result).toEqual({ ok: true });
  const wrong = code; // spent by that step-up

  const { client: guesser, address } = flooder(baseURL!);
  const answers = [];
  for (let i = 0; i <= BUDGET.totpStepUp; i++) answers.push((await stepUp(guesser, person.jar, wrong)).result);
  expect(answers.slice(0, BUDGET.totpStepUp)).toEqual(Array(BUDGET.totpStepUp).fill(WRONG_STEP_UP_CODE));
  expect(answers[BUDGET.totpStepUp]).toEqual(RATE_LIMITED);
  expect(await bucketCount(`totp-step-up:client:${address}`)).toBe(BUDGET.totpStepUp + 1);

  // Another client with the same session gets the usual answer.
  expect((await stepUp(portalClient(baseURL!), person.jar, wrong)).result).toEqual(WRONG_STEP_UP_CODE);
  // The wrong step-up codes counted against the signed-in browser's trusted device (lib/auth/lockout.ts, decision 011):
  // that browser is locked, even for the right password; a new browser still reaches the code step.
  const fromThatBrowser = await portalClient(baseURL!).callWithForm<Answer>(
    "/sign-in",
    SIGN_IN_ACTIONS,
    "signInWithPasswordAction",
    { email: person.email, password: PASSWORD },
    {
      jar: person.jar,
    },
  );
  expect(fromThatBrowser.result).toEqual(INVALID_CREDENTIALS);
  await pendingSignIn(portalClient(baseURL!), person.email);
});

test("SEC-44/45 ten wrong codes from ten clients lock the account for new browsers; a passkey still signs the person in, and that browser steps up", async ({
  browser,
  baseURL,
}) => {
  // One wait for the clock below (the next TOTP step) can take up to 30 s.
  test.setTimeout(120_000);
  const person = await personWithTotp(browser);
  const client = portalClient(baseURL!);
  const wrong = await person.totp.code();
  expect((await stepUp(client, person.jar, wrong)).result).toEqual({ ok: true }); // spends the code
  const authenticator = new SoftwareAuthenticator();
  const start = await client.call<
    Answer & { data: { ceremonyId: string; options: Parameters<SoftwareAuthenticator["register"]>[0] } }
  >("/account", ACCOUNT_ACTIONS, "startRegistrationAction", ["this-device"], { jar: person.jar });
  expect(start.result).toMatchObject({ ok: true });
  const { ceremonyId, options } = start.result!.data;
  const registered = await client.call<Answer>(
    "/account",
    ACCOUNT_ACTIONS,
    "finishRegistrationAction",
    [ceremonyId, authenticator.register(options, baseURL!)],
    {
      jar: person.jar,
    },
  );
  expect(registered.result).toMatchObject({ ok: true });

  // A sign-in left waiting for its code before the lock, to try the right code on afterwards.
  const waiting = await pendingSignIn(portalClient(baseURL!), person.email);
  const wrongCodeFromNewClient = async () => {
    const guesser = portalClient(baseURL!);
    expect((await secondFactor(guesser, await pendingSignIn(guesser, person.email), wrong)).result).toEqual(WRONG_CODE);
  };
  for (let i = 0; i < 9; i++) await wrongCodeFromNewClient();
  // Nine in a row leave the account open: the right password still reaches the code step.
  await pendingSignIn(portalClient(baseURL!), person.email);
  // The tenth locks it (10 free, then 1 minute, doubling up to an hour), whichever client asks next.
  await wrongCodeFromNewClient();
  expect((await passwordStep(portalClient(baseURL!), person.email, PASSWORD)).result).toEqual(INVALID_CREDENTIALS);

  // The passkey signs the locked-out person in.
  const passkeyClient = portalClient(baseURL!);
  const signIn = await passkeySignInOptions(passkeyClient, person.email);
  const finish = await finishPasskeySignIn(
    passkeyClient,
    signIn.ceremonyId,
    authenticator.authenticate(signIn.options, baseURL!),
  );
  expect(finish.result).toEqual({ ok: true });
  expect(finish.signedIn).toBe(true);
  const passkeySession = new CookieJar();
  passkeySession.store(finish.setCookies);

  // The right code is refused while the lock lasts at the code step of a sign-in from a new browser; the browser the
  // passkey signed in is a trusted device now, and steps up with it (SEC-63).
  const right = await person.totp.code();
  const refused = await secondFactor(portalClient(baseURL!), waiting, right);
  expect(refused.result).toEqual(WRONG_CODE);
  expect(setsSession(refused.setCookies)).toBe(false);
  expect((await stepUp(portalClient(baseURL!), passkeySession, right)).result).toEqual({ ok: true });

  // A passkey still steps up.
  const stepUpStart = await passkeyClient.call<
    Answer & { data: { ceremonyId: string; options: Parameters<SoftwareAuthenticator["authenticate"]>[0] } }
  >("/account", ACCOUNT_ACTIONS, "startPasskeyStepUpAction", [], { jar: passkeySession });
  expect(stepUpStart.result).toMatchObject({ ok: true });
  const steppedUp = await passkeyClient.call<Answer>(
    "/account",
    ACCOUNT_ACTIONS,
    "finishPasskeyStepUpAction",
    [
      stepUpStart.result!.data.ceremonyId,
      authenticator.authenticate(stepUpStart.result!.data.options, baseURL!),
      "add-passkey",
    ],
    { jar: passkeySession },
  );
  expect(steppedUp.result).toEqual({ ok: true });
});
