// Accounts for unit tests, made through the same lib/ functions the portal uses, with passkeys registered by the
// software authenticator (real keys and signatures).
import { TOTP } from "otpauth";
import { db } from "@/lib/db/client";
import type { AlgorithmName } from "@/lib/authenticator/cose";
import { SoftwareAuthenticator } from "@/lib/authenticator/software-authenticator";
import { grantStepUp } from "@/lib/auth/step-up";
import { confirmTotpSetup, startTotpSetup } from "@/lib/auth/totp";
import { createUser, getUser } from "@/lib/auth/users";
import { newToken } from "@/lib/crypto/tokens";
import type { User } from "@/lib/db/schema";
import { startPasskeySignIn } from "@/lib/webauthn/authentication";
import { finishRegistration, startRegistration } from "@/lib/webauthn/registration";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { englishPasskeyWords } from "@/test/passkey-words";

export const ORIGIN = relyingParty.origins[0];
export const PASSWORD = "a long enough test password";

export type TestAccount = {
  user: User;
  sessionId: string;
  totp: TOTP;
  authenticator: SoftwareAuthenticator;
  passkeyIds: string[];
};

/** `algorithm`: the passkeys' key type whatever the portal offers first (EdDSA), e.g. ES256 for ECDSA faults. */
export async function createAccount({
  passkeys = 0,
  algorithm,
}: { passkeys?: number; algorithm?: AlgorithmName } = {}): Promise<TestAccount> {
  const created = await createUser(`user-${newToken(6)}@test.example`, PASSWORD);
  if (!created) throw new Error("could not create user");
  const setup = await startTotpSetup(created.id, created.email);
  if (setup === "already-enabled") throw new Error("unexpected TOTP state");
  const totp = new TOTP({ secret: setup.manualKey.replace(/ /g, "") });
  if (!(await confirmTotpSetup(created.id, totp.generate()))) throw new Error("could not enable TOTP");
  const account: TestAccount = {
    user: (await getUser(created.id))!,
    sessionId: newToken(16),
    totp,
    authenticator: new SoftwareAuthenticator({ algorithm }),
    passkeyIds: [],
  };
  for (let i = 0; i < passkeys; i++) account.passkeyIds.push(await addPasskey(account));
  return account;
}

/** Registers one more passkey for the account, with a fresh step-up grant, exactly as the portal does. */
export async function addPasskey(
  account: TestAccount,
  authenticator = account.authenticator,
  choices: Parameters<SoftwareAuthenticator["register"]>[2] = {},
): Promise<string> {
  await grantStepUp(db, {
    userId: account.user.id,
    sessionId: account.sessionId,
    method: "totp",
    purpose: "add-passkey",
  });
  const start = await startRegistration(account, "this-device");
  if (!start.ok) throw new Error(start.message);
  const response = authenticator.register(start.data.options, ORIGIN, choices);
  const finish = await finishRegistration(
    account,
    start.data.ceremonyId,
    response,
    "Test browser",
    englishPasskeyWords,
  );
  if (!finish.ok) throw new Error(`${finish.code}: ${finish.detail ?? finish.message}`);
  return finish.data.id;
}

/** Passkey sign-in options as a test needs them: each call from its own client address, so no rate limit interferes. */
export async function signInOptions(email?: string) {
  const result = await startPasskeySignIn({ email, source: `test-${newToken(6)}` });
  if (!result.ok) throw new Error(`sign-in options: ${result.code}`);
  return result.data;
}
