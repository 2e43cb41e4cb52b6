import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { passkeys } from "@/lib/db/schema";
import { recordFailedAttempt } from "@/lib/auth/lockout";
import { SoftwareAuthenticator } from "@/lib/authenticator/software-authenticator";
import { createAccount, ORIGIN } from "@/test/accounts";
import { finishPasskeySignIn, finishPasskeyStepUp, startPasskeySignIn, startPasskeyStepUp } from "./authentication";

const counterOf = async (id: string) => (await db.query.passkeys.findFirst({ where: eq(passkeys.id, id) }))!.counter;

describe("passkey sign-in", () => {
  it("signs in username-first and usernameless, and stores the new counter", async () => {
    const account = await createAccount({ passkeys: 1 });
    const usernameFirst = await startPasskeySignIn(account.user.email);
    expect(usernameFirst.options.allowCredentials?.map((c) => c.id)).toEqual(account.passkeyIds);
    const first = await finishPasskeySignIn(usernameFirst.ceremonyId, account.authenticator.authenticate(usernameFirst.options, ORIGIN), "t");
    expect(first.ok).toBe(true);

    const usernameless = await startPasskeySignIn();
    expect(usernameless.options.allowCredentials).toBeUndefined();
    const second = await finishPasskeySignIn(usernameless.ceremonyId, account.authenticator.authenticate(usernameless.options, ORIGIN), "t");
    expect(second.ok).toBe(true);
    expect(await counterOf(account.passkeyIds[0])).toBe(2);
  });

  it("accepts an assertion once: a replay fails, also when 20 copies race", async () => {
    const account = await createAccount({ passkeys: 1 });
    const start = await startPasskeySignIn();
    const response = account.authenticator.authenticate(start.options, ORIGIN);
    const results = await Promise.all(Array.from({ length: 20 }, () => finishPasskeySignIn(start.ceremonyId, response, "t")));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect((await finishPasskeySignIn(start.ceremonyId, response, "t")).ok).toBe(false);
  });

  it("refuses a counter that does not increase, and accepts an authenticator whose counter stays 0", async () => {
    const account = await createAccount({ passkeys: 1 });
    const signInWithCount = async (signCount: number) => {
      const start = await startPasskeySignIn();
      return finishPasskeySignIn(start.ceremonyId, account.authenticator.authenticate(start.options, ORIGIN, { signCount }), "t");
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

  it("refuses a usernameless assertion with no user handle or another account's user handle", async () => {
    const account = await createAccount({ passkeys: 1 });
    const other = await createAccount();
    for (const userHandle of [null, other.user.webauthnUserId]) {
      const start = await startPasskeySignIn();
      const response = account.authenticator.authenticate(start.options, ORIGIN, { userHandle });
      expect(await finishPasskeySignIn(start.ceremonyId, response, "t")).toMatchObject({ ok: false, code: "passkey:not-verified" });
    }
  });

  it("lets a locked-out person in with a passkey (the lock only stops password and code guessing)", async () => {
    const account = await createAccount({ passkeys: 1 });
    for (let i = 0; i < 12; i++) await recordFailedAttempt(account.user.id);
    const start = await startPasskeySignIn(account.user.email);
    expect((await finishPasskeySignIn(start.ceremonyId, account.authenticator.authenticate(start.options, ORIGIN), "t")).ok).toBe(true);
  });

  it("refuses an assertion without user verification, saying why", async () => {
    const account = await createAccount({ passkeys: 1 });
    const start = await startPasskeySignIn();
    const result = await finishPasskeySignIn(start.ceremonyId, account.authenticator.authenticate(start.options, ORIGIN, { flags: { uv: false } }), "t");
    expect(result.ok || result.code).toBe("passkey:uv-missing");
    expect(result.ok || result.message).toMatch(/set a PIN/);
  });

  it("answers an unknown credential and a bad signature with the same message", async () => {
    const account = await createAccount({ passkeys: 1 });
    // A credential made for this RP ID but never registered here.
    const outsider = new SoftwareAuthenticator();
    outsider.register(
      { challenge: "AAAAAAAAAAAAAAAAAAAAAA", rp: { id: "localhost", name: "Elsewhere" }, user: { id: "AAAA", name: "x", displayName: "x" }, pubKeyCredParams: [{ type: "public-key", alg: -7 }] },
      ORIGIN,
    );
    const unknown = await startPasskeySignIn();
    const unknownResult = await finishPasskeySignIn(unknown.ceremonyId, outsider.authenticate(unknown.options, ORIGIN), "t");

    const bad = await startPasskeySignIn();
    const response = account.authenticator.authenticate(bad.options, ORIGIN);
    const signature = Buffer.from(response.response.signature, "base64url");
    signature[signature.length - 1] ^= 1;
    response.response.signature = signature.toString("base64url");
    const badResult = await finishPasskeySignIn(bad.ceremonyId, response, "t");

    expect(unknownResult.ok || unknownResult.code).toBe("passkey:unknown-credential");
    expect(badResult.ok || badResult.code).toBe("passkey:not-verified");
    expect(!unknownResult.ok && unknownResult.message).toBe(!badResult.ok && badResult.message);
  });
});
