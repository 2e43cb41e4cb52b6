import { describe, expect, it } from "vitest";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { count, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { passkeys } from "@/lib/db/schema";
import { grantStepUp } from "@/lib/auth/step-up";
import { createUser } from "@/lib/auth/users";
import { newToken } from "@/lib/crypto/tokens";
import { registrationMutations, SoftwareAuthenticator } from "@/lib/authenticator";
import { createAccount, ORIGIN, PASSWORD, type TestAccount } from "@/test/accounts";
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import zh from "@/messages/zh.json";
import { englishPasskeyWords } from "@/test/passkey-words";
import { unnamedPasskeyWords } from "./passkey-words";
import { finishRegistration, startRegistration } from "./registration";

const grant = (account: TestAccount, sessionId = account.sessionId) =>
  grantStepUp(db, { userId: account.user.id, sessionId, method: "totp", purpose: "add-passkey" });
const passkeyCount = async (userId: string) =>
  (await db.select({ value: count() }).from(passkeys).where(eq(passkeys.userId, userId)))[0].value;

async function start(account: TestAccount, sessionId = account.sessionId) {
  const result = await startRegistration({ user: account.user, sessionId }, "this-device");
  if (!result.ok) throw new Error(result.code);
  return result.data;
}

/**
 * The same credential answered for another ceremony. "none" attestation signs nothing over clientDataJSON, so a
 * client can put any challenge there: exactly what a second create() with the same credential would send.
 */
function forChallenge(response: RegistrationResponseJSON, challenge: string): RegistrationResponseJSON {
  const clientData = JSON.parse(Buffer.from(response.response.clientDataJSON, "base64url").toString());
  const clientDataJSON = Buffer.from(JSON.stringify({ ...clientData, challenge })).toString("base64url");
  return { ...response, response: { ...response.response, clientDataJSON } };
}

describe("passkey registration", () => {
  it("requires TOTP, then a step-up grant of this session", async () => {
    const user = (await createUser(`no-totp-${newToken(6)}@test.example`, PASSWORD))!;
    const sessionId = newToken(16);
    await grantStepUp(db, { userId: user.id, sessionId, method: "totp", purpose: "add-passkey" });
    const noTotp = await startRegistration({ user, sessionId }, "this-device");
    expect(noTotp.ok || noTotp.code).toBe("totp:required");

    const account = await createAccount();
    const noGrant = await startRegistration(account, "this-device");
    expect(noGrant.ok || noGrant.code).toBe("step-up:required");
    await grant(account, newToken(16));
    const otherSession = await startRegistration(account, "this-device");
    expect(otherSession.ok || otherSession.code).toBe("step-up:required");
  });

  it("asks for a discoverable credential, excludes the existing ones and uses the random user handle", async () => {
    const account = await createAccount({ passkeys: 2 });
    await grant(account);
    const { options } = await start(account);
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "preferred" });
    expect(options.excludeCredentials?.map((credential) => credential.id).sort()).toEqual(
      [...account.passkeyIds].sort(),
    );
    expect(options.user.id).toBe(account.user.webauthnUserId);
    const handle = Buffer.from(options.user.id, "base64url");
    expect(handle).toHaveLength(64);
    expect(handle.toString("latin1")).not.toContain(account.user.email);
    expect(options.user.id).not.toContain(account.user.email.split("@")[0]);
  });

  it("names a passkey whose authenticator has no known name in the person's language, the browser said in it too", async () => {
    const named = [];
    for (const [locale, messages] of [
      ["es", es],
      ["zh", zh],
    ] as const) {
      const account = await createAccount();
      await grant(account);
      const { ceremonyId, options } = await start(account);
      const words = unnamedPasskeyWords(createTranslator({ locale, messages, namespace: "passkeys" }));
      const added = await finishRegistration(
        account,
        ceremonyId,
        account.authenticator.register(options, ORIGIN),
        "Chrome 156 on Linux",
        words,
      );
      if (!added.ok) throw new Error(added.code);
      named.push(added.data.label);
      const stored = await db.query.passkeys.findFirst({ where: eq(passkeys.id, added.data.id) });
      expect(stored?.label).toBe(added.data.label);
    }
    expect(named).toEqual(["Llave de acceso de Chrome 156 en Linux", "通行密钥（Linux 上的 Chrome 156）"]);
  });

  it("the tests' English names are the English of the messages", () => {
    const english = unnamedPasskeyWords(createTranslator({ locale: "en", messages: en, namespace: "passkeys" }));
    expect([english.securityKey, english.phone, english.onClient("Chrome 156 on Linux")]).toEqual([
      englishPasskeyWords.securityKey,
      englishPasskeyWords.phone,
      englishPasskeyWords.onClient("Chrome 156 on Linux"),
    ]);
  });

  it("keeps what the browser said of PRF at creation: true, false, or nothing (null) for anything else", async () => {
    const kept = [];
    for (const reported of [{ prf: { enabled: true } }, { prf: { enabled: false } }, {}, { prf: { enabled: "yes" } }]) {
      const account = await createAccount();
      await grant(account);
      const { ceremonyId, options } = await start(account);
      const response = { ...account.authenticator.register(options, ORIGIN), clientExtensionResults: reported };
      const added = await finishRegistration(account, ceremonyId, response, "t", englishPasskeyWords);
      if (!added.ok) throw new Error(added.code);
      kept.push((await db.query.passkeys.findFirst({ where: eq(passkeys.id, added.data.id) }))?.prfEnabled);
    }
    expect(kept).toEqual([true, false, null, null]);
  });

  it("spends the grant on finish: a second ceremony on the same grant fails", async () => {
    const account = await createAccount();
    await grant(account);
    const first = await start(account);
    const second = await start(account); // the grant is checked, not spent, at start
    const ok = await finishRegistration(
      account,
      first.ceremonyId,
      account.authenticator.register(first.options, ORIGIN),
      "t",
      englishPasskeyWords,
    );
    expect(ok.ok).toBe(true);
    const late = await finishRegistration(
      account,
      second.ceremonyId,
      account.authenticator.register(second.options, ORIGIN),
      "t",
      englishPasskeyWords,
    );
    expect(late.ok || late.code).toBe("step-up:required");
    const again = await startRegistration(account, "this-device");
    expect(again.ok || again.code).toBe("step-up:required");
    expect(await passkeyCount(account.user.id)).toBe(1);
  });

  it("accepts a response once: the same ceremony again fails on its challenge", async () => {
    const account = await createAccount();
    await grant(account);
    await grant(account);
    const { ceremonyId, options } = await start(account);
    const response = account.authenticator.register(options, ORIGIN);
    expect((await finishRegistration(account, ceremonyId, response, "t", englishPasskeyWords)).ok).toBe(true);
    const replay = await finishRegistration(account, ceremonyId, response, "t", englishPasskeyWords);
    expect(replay.ok || replay.code).toBe("challenge:invalid");
    expect(await passkeyCount(account.user.id)).toBe(1);
  });

  it("refuses a ceremony finished from another session or by another account", async () => {
    const account = await createAccount();
    const other = await createAccount();
    const otherSessionId = newToken(16);
    await grant(account);
    await grant(account, otherSessionId);
    await grant(other);
    const { ceremonyId, options } = await start(account);
    const response = account.authenticator.register(options, ORIGIN);

    const fromOtherSession = await finishRegistration(
      { user: account.user, sessionId: otherSessionId },
      ceremonyId,
      response,
      "t",
      englishPasskeyWords,
    );
    expect(fromOtherSession.ok || fromOtherSession.code).toBe("challenge:invalid");
    const byOtherAccount = await finishRegistration(other, ceremonyId, response, "t", englishPasskeyWords);
    expect(byOtherAccount.ok || byOtherAccount.code).toBe("challenge:invalid");
    expect(await passkeyCount(account.user.id)).toBe(0);
    expect(await passkeyCount(other.user.id)).toBe(0);
  });

  it("refuses a credential id that is already registered, on this account or another", async () => {
    const account = await createAccount();
    const other = await createAccount();
    await grant(account);
    const first = await start(account);
    const response = account.authenticator.register(first.options, ORIGIN);
    const registered = await finishRegistration(account, first.ceremonyId, response, "t", englishPasskeyWords);
    expect(registered.ok).toBe(true);

    for (const who of [account, other]) {
      await grant(who);
      const ceremony = await start(who);
      const duplicate = await finishRegistration(
        who,
        ceremony.ceremonyId,
        forChallenge(response, ceremony.options.challenge),
        "t",
        englishPasskeyWords,
      );
      expect(duplicate.ok || duplicate.code).toBe("passkey:duplicate");
    }
    const rows = await db.query.passkeys.findMany({ where: eq(passkeys.id, response.id) });
    expect(rows.map((row) => row.userId)).toEqual([account.user.id]);
    expect(await passkeyCount(other.user.id)).toBe(0);
  });

  it("refuses a response made for another origin, stores nothing and burns the ceremony", async () => {
    const account = await createAccount();
    await grant(account);
    const { ceremonyId, options } = await start(account);
    const evil = await finishRegistration(
      account,
      ceremonyId,
      account.authenticator.register(options, "http://evil.example"),
      "t",
      englishPasskeyWords,
    );
    expect(evil.ok || evil.code).toBe("passkey:not-verified");
    expect(!evil.ok && evil.detail).toMatch(/origin/i);
    expect(await passkeyCount(account.user.id)).toBe(0);

    const retry = await finishRegistration(
      account,
      ceremonyId,
      account.authenticator.register(options, ORIGIN),
      "t",
      englishPasskeyWords,
    );
    expect(retry.ok || retry.code).toBe("challenge:invalid");
    expect(await passkeyCount(account.user.id)).toBe(0);
  });

  it.each(["packedAlgMismatch", "packedAlgNotNumber"] as const)(
    "refuses a packed self attestation whose alg is not the key's (%s; WebAuthn L3 §8.2), which SimpleWebAuthn lets through",
    async (name) => {
      const account = await createAccount();
      await grant(account);
      const { ceremonyId, options } = await start(account);
      const authenticator = new SoftwareAuthenticator({ attestation: "packed-self" });
      const valid = authenticator.register(options, ORIGIN);
      const mutated = registrationMutations[name].apply(valid, {
        attestationSigner: authenticator.attestationSigner(valid.id),
      });
      const result = await finishRegistration(account, ceremonyId, mutated, "t", englishPasskeyWords);
      expect(result).toMatchObject({ ok: false, code: "passkey:not-verified" });
      expect(await passkeyCount(account.user.id)).toBe(0);
    },
  );
});
