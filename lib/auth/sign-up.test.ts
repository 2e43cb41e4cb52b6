import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { auditEvents, signUpRequests } from "@/lib/db/schema";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { PASSWORD } from "@/test/accounts";
import { checkPassword } from "./password";
import { completeSignUp, hashSignUpCode, SIGN_UP_CODE_ATTEMPTS, SIGN_UP_CODE_TTL_MS, startSignUp } from "./sign-up";
import { createUser, findUserByEmail } from "./users";
import en from "@/messages/en.json";

const mailText = createTranslator({ locale: "en", messages: en, namespace: "mail" });

const newAddress = () => `new-${newToken(6)}@test.example`.toLowerCase();
const codeIn = (text: string) => text.match(/^\s+(\d{6})$/m)?.[1];

async function started(email = newAddress(), now = Date.now()) {
  const { pendingToken, mail } = await startSignUp(email, PASSWORD, mailText, now);
  const code = codeIn(mail?.text ?? "");
  if (!code) throw new Error("no code mailed");
  return { email, pendingToken, code };
}

/** A 6-digit code other than `code`. */
const wrong = (code: string) => (code === "000000" ? "000001" : "000000");

describe("sign-up with an emailed code", () => {
  it("mails a code to a new address and a notice without any code to an address that has an account", async () => {
    const owner = (await createUser(`owner-${newToken(6)}@test.example`, PASSWORD))!;
    const fresh = newAddress();
    const forNew = await startSignUp(fresh, PASSWORD, mailText);
    const forOwner = await startSignUp(owner.email.toUpperCase(), "another long password", mailText);
    expect(Object.keys(forNew).sort()).toEqual(Object.keys(forOwner).sort());
    expect(forNew.pendingToken).toHaveLength(forOwner.pendingToken.length);
    expect(forNew.mail).toMatchObject({ to: fresh, subject: "Your Passkey Lab sign-up code" });
    expect(codeIn(forNew.mail!.text)).toMatch(/^\d{6}$/);
    expect(forOwner.mail).toMatchObject({
      to: owner.email,
      subject: "Someone tried to create a Passkey Lab account with your address",
    });
    expect(forOwner.mail!.text).not.toMatch(/\d{6}/);
    // Neither step made an account; the owner's account is as it was.
    expect(await findUserByEmail(fresh)).toBeUndefined();
    expect((await findUserByEmail(owner.email))?.passwordHash).toBe(owner.passwordHash);
  });

  it("the right code makes the account with the password given, once, and logs its creation", async () => {
    const { email, pendingToken, code } = await started();
    const result = await completeSignUp(pendingToken, ` ${code.slice(0, 3)} ${code.slice(3)} `, "Chrome on Linux");
    expect(result.ok).toBe(true);
    const user = await findUserByEmail(email);
    expect(user?.id).toBe(result.ok ? result.data.userId : "");
    expect(await checkPassword(user?.passwordHash, PASSWORD)).toBe(true);
    const events = await db.query.auditEvents.findMany({ where: eq(auditEvents.userId, user!.id) });
    expect(events.map((event) => event.type)).toEqual(["account.created"]);
    // Used: the request is gone with its password hash, and the code does not work again.
    expect(await db.query.signUpRequests.findFirst({ where: eq(signUpRequests.email, email) })).toBeUndefined();
    expect(await completeSignUp(pendingToken, code, "t")).toMatchObject({ ok: false, code: "sign-up:expired" });
  });

  it(`refuses wrong codes, and after ${SIGN_UP_CODE_ATTEMPTS} tries even the right one`, async () => {
    const { email, pendingToken, code } = await started();
    for (let i = 1; i < SIGN_UP_CODE_ATTEMPTS; i++) {
      expect(await completeSignUp(pendingToken, wrong(code), "t")).toMatchObject({
        ok: false,
        code: "sign-up:invalid-code",
      });
    }
    expect(await completeSignUp(pendingToken, wrong(code), "t")).toMatchObject({ ok: false, code: "sign-up:expired" });
    expect(await completeSignUp(pendingToken, code, "t")).toMatchObject({ ok: false, code: "sign-up:expired" });
    expect(await findUserByEmail(email)).toBeUndefined();
  });

  it("refuses the right code once 15 minutes have passed", async () => {
    const now = Date.now();
    const { email, pendingToken, code } = await started(newAddress(), now);
    expect(await completeSignUp(pendingToken, code, "t", now + SIGN_UP_CODE_TTL_MS + 1)).toMatchObject({
      ok: false,
      code: "sign-up:expired",
    });
    expect(await findUserByEmail(email)).toBeUndefined();
  });

  it("ten concurrent tries with the right code make one account", async () => {
    const { email, pendingToken, code } = await started();
    const results = await Promise.all(Array.from({ length: 10 }, () => completeSignUp(pendingToken, code, "t")));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(
      results.filter((result) => !result.ok).every((result) => !result.ok && result.code === "sign-up:expired"),
    ).toBe(true);
    expect(await findUserByEmail(email)).toBeDefined();
  });

  it("a request for an address that has an account cannot be completed, and answers like a wrong code", async () => {
    const owner = (await createUser(`owner-${newToken(6)}@test.example`, PASSWORD))!;
    const { pendingToken } = await startSignUp(owner.email, PASSWORD, mailText);
    const answers = [];
    for (let i = 0; i < SIGN_UP_CODE_ATTEMPTS; i++)
      answers.push(await completeSignUp(pendingToken, String(123456 + i), "t"));
    expect(answers.map((answer) => !answer.ok && answer.code)).toEqual([
      ...Array(SIGN_UP_CODE_ATTEMPTS - 1).fill("sign-up:invalid-code"),
      "sign-up:expired",
    ]);
  });

  it("a code made for an address that got an account in the meantime says so, to the one who read the mail", async () => {
    const { email, pendingToken, code } = await started();
    await createUser(email, "someone else's password");
    expect(await completeSignUp(pendingToken, code, "t")).toMatchObject({ ok: false, code: "auth:email-taken" });
  });

  it("sends one address at most 5 mails an hour, however many sign-ups name it, and the answer does not change", async () => {
    const email = newAddress();
    const now = Date.now();
    const mails = [];
    for (let i = 0; i < 7; i++) mails.push((await startSignUp(email, PASSWORD, mailText, now)).mail);
    expect(mails.filter(Boolean)).toHaveLength(5);
    expect((await startSignUp(email, PASSWORD, mailText, now + 61 * 60_000)).mail).not.toBeNull();
  });

  it("stores for a request whose mail was held back a code hash no 6-digit code matches", async () => {
    const email = newAddress();
    const now = Date.now();
    for (let i = 0; i < 5; i++) await startSignUp(email, PASSWORD, mailText, now);
    const { pendingToken, mail } = await startSignUp(email, PASSWORD, mailText, now);
    expect(mail).toBeNull();
    const request = (await db.query.signUpRequests.findFirst({
      where: eq(signUpRequests.tokenHash, hashToken(pendingToken)),
    }))!;
    // Every code there is: none opens it, so guessing codes for someone else's address gets nowhere.
    for (let n = 0; n < 10 ** 6; n++) {
      if (hashSignUpCode(request.id, String(n).padStart(6, "0")) === request.codeHash)
        throw new Error(`code ${n} opens a request that mailed none`);
    }
  });

  it("deletes expired requests when a new sign-up starts", async () => {
    const now = Date.now();
    const { email } = await started(newAddress(), now - SIGN_UP_CODE_TTL_MS - 1);
    await started(newAddress(), now);
    expect(await db.query.signUpRequests.findFirst({ where: eq(signUpRequests.email, email) })).toBeUndefined();
  });
});
