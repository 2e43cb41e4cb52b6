import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { auditEvents, challenges, passkeys, rateLimitBuckets } from "@/lib/db/schema";
import { EVERYONE, limits } from "@/lib/auth/rate-limit";
import { newToken } from "@/lib/crypto/tokens";
import { recordFailedAttempt } from "@/lib/auth/lockout";
import { SoftwareAuthenticator } from "@/lib/authenticator/software-authenticator";
import { addPasskey, createAccount, ORIGIN, signInOptions } from "@/test/accounts";
import { grantStepUp } from "@/lib/auth/step-up";
import { finishPasskeySignIn, startPasskeySignIn, startPasskeyStepUp } from "./authentication";
import { startRegistration } from "./registration";

const counterOf = async (id: string) => (await db.query.passkeys.findFirst({ where: eq(passkeys.id, id) }))!.counter;

describe("passkey sign-in options", () => {
  it("are rate-limited per client, and a refused request stores no challenge", async () => {
    const source = `client-${newToken(6)}`;
    const answers = [];
    for (let i = 0; i < limits.signInOptionsPerClient.max + 1; i++) answers.push(await startPasskeySignIn({ source }));
    expect(answers.slice(0, -1).every((answer) => answer.ok)).toBe(true);
    expect(answers.at(-1)).toMatchObject({ ok: false, code: "rate:limited" });
    const stored = await db.$count(challenges, eq(challenges.purpose, "sign-in"));
    expect(await startPasskeySignIn({ source })).toMatchObject({ ok: false, code: "rate:limited" });
    expect(await db.$count(challenges, eq(challenges.purpose, "sign-in"))).toBe(stored);
    expect((await startPasskeySignIn({ source: `client-${newToken(6)}` })).ok).toBe(true);
  });

  it("stop for every client once all callers together spent the overall budget, storing nothing (security bar 60)", async () => {
    const now = Date.now();
    const key = `${limits.signInOptionsOverall.name}:${EVERYONE}`;
    const spent = { windowStart: now, count: limits.signInOptionsOverall.max - 1 };
    await db
      .insert(rateLimitBuckets)
      .values({ key, ...spent })
      .onConflictDoUpdate({ target: rateLimitBuckets.key, set: spent });
    const last = await startPasskeySignIn({ source: `client-${newToken(6)}` });
    expect(last.ok).toBe(true);
    const stored = await db.$count(challenges, eq(challenges.purpose, "sign-in"));
    const refused = await startPasskeySignIn({ source: `client-${newToken(6)}` });
    expect(refused).toMatchObject({
      ok: false,
      code: "rate:limited",
      message: expect.stringContaining("at this moment"),
    });
    expect(await db.$count(challenges, eq(challenges.purpose, "sign-in"))).toBe(stored);
    await db.delete(rateLimitBuckets).where(eq(rateLimitBuckets.key, key));
  });

  it("are rate-limited per account too, whatever the client", async () => {
    const account = await createAccount({ passkeys: 1 });
    for (let i = 0; i < limits.signInOptionsPerAccount.max; i++) await signInOptions(account.user.email);
    const refused = await startPasskeySignIn({ email: account.user.email, source: `client-${newToken(6)}` });
    expect(refused).toMatchObject({ ok: false, code: "rate:limited" });
  });
});

describe("passkey sign-in", () => {
  it("signs in username-first and usernameless, and stores the new counter", async () => {
    const account = await createAccount({ passkeys: 1 });
    const usernameFirst = await signInOptions(account.user.email);
    expect(usernameFirst.options.allowCredentials?.map((c) => c.id)).toEqual(account.passkeyIds);
    const first = await finishPasskeySignIn(
      usernameFirst.ceremonyId,
      account.authenticator.authenticate(usernameFirst.options, ORIGIN),
      "t",
    );
    expect(first.ok).toBe(true);

    const usernameless = await signInOptions();
    expect(usernameless.options.allowCredentials).toBeUndefined();
    const second = await finishPasskeySignIn(
      usernameless.ceremonyId,
      account.authenticator.authenticate(usernameless.options, ORIGIN),
      "t",
    );
    expect(second.ok).toBe(true);
    expect(await counterOf(account.passkeyIds[0])).toBe(2);
  });

  it("logs which of the three modes signed in: username-first, usernameless or autofill", async () => {
    const account = await createAccount({ passkeys: 1 });
    const usernameFirst = await signInOptions(account.user.email);
    // The page's word cannot turn a username-first sign-in into another mode: the options listed credentials.
    await finishPasskeySignIn(
      usernameFirst.ceremonyId,
      account.authenticator.authenticate(usernameFirst.options, ORIGIN),
      "t",
      "s",
      "autofill",
    );
    const usernameless = await signInOptions();
    await finishPasskeySignIn(
      usernameless.ceremonyId,
      account.authenticator.authenticate(usernameless.options, ORIGIN),
      "t",
      "s",
      "button",
    );
    const autofill = await signInOptions();
    await finishPasskeySignIn(
      autofill.ceremonyId,
      account.authenticator.authenticate(autofill.options, ORIGIN),
      "t",
      "s",
      "autofill",
    );
    // Sorted: three events may share a millisecond. Each mode once means the autofill word did not relabel username-first.
    const signIns = await db.query.auditEvents.findMany({ where: eq(auditEvents.userId, account.user.id) });
    expect(
      signIns
        .filter((event) => event.type === "sign-in.passkey")
        .map((event) => event.detail.mode)
        .sort(),
    ).toEqual(["autofill", "username-first", "usernameless"]);
  });

  it("accepts an assertion once: a replay fails, also when 20 copies race", async () => {
    const account = await createAccount({ passkeys: 1 });
    const start = await signInOptions();
    const response = account.authenticator.authenticate(start.options, ORIGIN);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => finishPasskeySignIn(start.ceremonyId, response, "t")),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect((await finishPasskeySignIn(start.ceremonyId, response, "t")).ok).toBe(false);
  });

  it("refuses a counter that does not increase, and accepts an authenticator whose counter stays 0", async () => {
    const account = await createAccount({ passkeys: 1 });
    const signInWithCount = async (signCount: number) => {
      const start = await signInOptions();
      return finishPasskeySignIn(
        start.ceremonyId,
        account.authenticator.authenticate(start.options, ORIGIN, { signCount }),
        "t",
      );
    };
    expect((await signInWithCount(0)).ok).toBe(true);
    expect((await signInWithCount(0)).ok).toBe(true);
    expect((await signInWithCount(10)).ok).toBe(true);
    for (const stale of [10, 5]) {
      const result = await signInWithCount(stale);
      expect(result.ok || result.code).toBe("passkey:not-verified");
    }
    expect(await counterOf(account.passkeyIds[0])).toBe(10);
  });

  it("refuses a passkey the options did not offer: another account's against decoys, one added after them (§7.2 step 5)", async () => {
    const bob = await createAccount({ passkeys: 1 });
    const decoys = await signInOptions(`nobody-${newToken(6)}@test.example`);
    const bobs = bob.authenticator.authenticate({ ...decoys.options, allowCredentials: undefined }, ORIGIN);
    expect(await finishPasskeySignIn(decoys.ceremonyId, bobs, "t")).toMatchObject({
      ok: false,
      code: "passkey:not-verified",
    });

    const alice = await createAccount({ passkeys: 1 });
    const before = await signInOptions(alice.user.email);
    const laterKey = new SoftwareAuthenticator();
    await addPasskey(alice, laterKey);
    const unlisted = laterKey.authenticate({ ...before.options, allowCredentials: undefined }, ORIGIN);
    expect(await finishPasskeySignIn(before.ceremonyId, unlisted, "t")).toMatchObject({
      ok: false,
      code: "passkey:not-verified",
    });
    // Options asked for now list it, and it signs in.
    const after = await signInOptions(alice.user.email);
    expect((await finishPasskeySignIn(after.ceremonyId, laterKey.authenticate(after.options, ORIGIN), "t")).ok).toBe(
      true,
    );
  });

  it("ignores extension outputs it never asked for, in the authenticator data or from the client (security bar 16)", async () => {
    const account = await createAccount({ passkeys: 1 });
    const start = await signInOptions();
    expect(start.options.extensions).toBeUndefined();
    const response = account.authenticator.authenticate(start.options, ORIGIN, {
      extensions: new Map([["credProtect", 2]]),
      clientExtensionResults: { appid: true, credProps: { rk: true } },
    });
    // The ED flag (bit 7 of the flags byte, WebAuthn L3 §6.1) says extension data follows the signature counter.
    expect(Buffer.from(response.response.authenticatorData, "base64url")[32] & 0x80).toBe(0x80);
    expect((await finishPasskeySignIn(start.ceremonyId, response, "t")).ok).toBe(true);
    expect(await counterOf(account.passkeyIds[0])).toBeGreaterThan(0);
  });

  it("refuses a usernameless assertion with no user handle or another account's user handle", async () => {
    const account = await createAccount({ passkeys: 1 });
    const other = await createAccount();
    for (const userHandle of [null, other.user.webauthnUserId]) {
      const start = await signInOptions();
      const response = account.authenticator.authenticate(start.options, ORIGIN, { userHandle });
      expect(await finishPasskeySignIn(start.ceremonyId, response, "t")).toMatchObject({
        ok: false,
        code: "passkey:not-verified",
      });
    }
  });

  it("lets a locked-out person in with a passkey (the lock only stops password and code guessing)", async () => {
    const account = await createAccount({ passkeys: 1 });
    for (let i = 0; i < 12; i++) await recordFailedAttempt(account.user.id);
    const start = await signInOptions(account.user.email);
    expect(
      (await finishPasskeySignIn(start.ceremonyId, account.authenticator.authenticate(start.options, ORIGIN), "t")).ok,
    ).toBe(true);
  });

  it("refuses an assertion without user verification, saying why", async () => {
    const account = await createAccount({ passkeys: 1 });
    const start = await signInOptions();
    const result = await finishPasskeySignIn(
      start.ceremonyId,
      account.authenticator.authenticate(start.options, ORIGIN, { flags: { uv: false } }),
      "t",
    );
    expect(result.ok || result.code).toBe("passkey:uv-missing");
    expect(result.ok || result.message).toMatch(/set a PIN/);
  });

  it("answers an unknown credential and a bad signature with the same message", async () => {
    const account = await createAccount({ passkeys: 1 });
    // A credential made for this RP ID but never registered here.
    const outsider = new SoftwareAuthenticator();
    outsider.register(
      {
        challenge: "AAAAAAAAAAAAAAAAAAAAAA",
        rp: { id: "localhost", name: "Elsewhere" },
        user: { id: "AAAA", name: "x", displayName: "x" },
        pubKeyCredParams: [{ type: "public-key", alg: -7 }],
      },
      ORIGIN,
    );
    const unknown = await signInOptions();
    const unknownResult = await finishPasskeySignIn(
      unknown.ceremonyId,
      outsider.authenticate(unknown.options, ORIGIN),
      "t",
    );

    const bad = await signInOptions();
    const response = account.authenticator.authenticate(bad.options, ORIGIN);
    const signature = Buffer.from(response.response.signature, "base64url");
    signature[signature.length - 1] ^= 1;
    response.response.signature = signature.toString("base64url");
    const badResult = await finishPasskeySignIn(bad.ceremonyId, response, "t");

    // The outsider's user handle names no account here: the one case the browser is told (signalUnknownCredential).
    expect(unknownResult.ok || unknownResult.code).toBe("passkey:unknown-credential");
    expect(badResult.ok || badResult.code).toBe("passkey:not-verified");
    expect(!unknownResult.ok && unknownResult.message).toBe(!badResult.ok && badResult.message);
  });

  it("answers a junk assertion for a decoy and for a real account alike, without the verifier's words (security bar 62)", async () => {
    const account = await createAccount({ passkeys: 1 });
    const stranger = new SoftwareAuthenticator();
    await addPasskey(await createAccount(), stranger);
    const junkFor = (options: { allowCredentials?: { id: string }[] }, id: string) => {
      const response = stranger.authenticate({ ...options, allowCredentials: undefined } as never, ORIGIN);
      return { ...response, id, rawId: id, response: { ...response.response, userHandle: undefined } };
    };
    const decoy = await signInOptions(`nobody-${newToken(6)}@test.example`);
    const real = await signInOptions(account.user.email);
    const decoyResult = await finishPasskeySignIn(
      decoy.ceremonyId,
      junkFor(decoy.options, decoy.options.allowCredentials![0].id),
      "t",
    );
    const realResult = await finishPasskeySignIn(
      real.ceremonyId,
      junkFor(real.options, real.options.allowCredentials![0].id),
      "t",
    );
    expect(decoyResult).toEqual(realResult);
    expect(realResult).toEqual({ ok: false, code: "passkey:not-verified", message: expect.any(String) });
  });
});

describe("signed-in ceremony options", () => {
  it("share a per-account budget (step-up, add-a-passkey, withdrawal): a flood is refused and stores nothing more", async () => {
    const account = await createAccount({ passkeys: 1 });
    const challengesOf = (userId: string) => db.$count(challenges, eq(challenges.userId, userId));
    // createAccount's passkey took one registration's options from the budget.
    for (let i = 1; i < limits.ceremonyOptionsPerAccount.max; i++) {
      expect((await startPasskeyStepUp(account.user, account.sessionId)).ok).toBe(true);
    }
    const stored = await challengesOf(account.user.id);
    expect(await startPasskeyStepUp(account.user, account.sessionId)).toMatchObject({
      ok: false,
      code: "rate:limited",
    });
    await grantStepUp(db, {
      userId: account.user.id,
      sessionId: account.sessionId,
      method: "totp",
      purpose: "add-passkey",
    });
    expect(await startRegistration(account, "this-device")).toMatchObject({ ok: false, code: "rate:limited" });
    expect(await challengesOf(account.user.id)).toBe(stored);
    // Another account is not held up.
    const other = await createAccount({ passkeys: 1 });
    expect((await startPasskeyStepUp(other.user, other.sessionId)).ok).toBe(true);
  });
});
