// Security bar B24, property tests: random mutations of valid responses made by the software authenticator (byte
// flips, truncation, base64url garbage, random JSON in any member, members left out) never verify, and every refusal
// is our typed error: a Failure from registration, an AppError from the assertion checks, never another exception.
// fast-check prints the seed and the shrunk counterexample of a failure; the seed is fixed so runs repeat exactly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { passkeys, rateLimitBuckets } from "@/lib/db/schema";
import { limits } from "@/lib/auth/rate-limit";
import { grantStepUp } from "@/lib/auth/step-up";
import { SoftwareAuthenticator } from "@/lib/authenticator";
import {
  applyRandomBody,
  applyRandomMutation,
  ASSERTION_MEMBERS,
  randomBody,
  randomMutation,
  REGISTRATION_MEMBERS,
  UNSIGNED_MEMBERS,
} from "@/lib/authenticator/mutations/random-mutations";
import { newToken } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/result";
import { createAccount, ORIGIN, type TestAccount } from "@/test/accounts";
import { checkAssertion } from "./authentication";
import { requireOpenChallenge, saveChallenge } from "./challenges";
import { finishRegistration, startRegistration } from "./registration";
import { relyingParty } from "./relying-party";
import { englishPasskeyWords } from "@/test/passkey-words";

const SEED = 2024_11_25;
const RUNS = 300;
const REGISTRATION_REFUSALS = ["input:invalid", "passkey:not-verified"];

const passkeyIds = async (userId: string) =>
  (await db.query.passkeys.findMany({ where: eq(passkeys.userId, userId) })).map((row) => row.id);

/**
 * A fresh registration ceremony of the account and a valid packed self-attested response to it. Each run starts with
 * the options budget a person has (the budget itself is tested in authentication.test.ts).
 */
async function registrationCeremony(account: TestAccount, authenticator: SoftwareAuthenticator) {
  await db
    .delete(rateLimitBuckets)
    .where(eq(rateLimitBuckets.key, `${limits.ceremonyOptionsPerAccount.name}:${account.user.id}`));
  const start = await startRegistration(account, "this-device");
  if (!start.ok) throw new Error(`registration start: ${start.code}`);
  return {
    ceremonyId: start.data.ceremonyId,
    response: authenticator.register(start.data.options, ORIGIN, { attestation: "packed-self" }),
  };
}

describe("registration (lib/webauthn/registration.ts)", () => {
  it("never stores a passkey from a mutated signed member, and refuses with a typed failure", async () => {
    const account = await createAccount();
    const authenticator = new SoftwareAuthenticator();
    await grantStepUp(db, {
      userId: account.user.id,
      sessionId: account.sessionId,
      method: "totp",
      purpose: "add-passkey",
    }); // spent only on success
    await fc.assert(
      fc.asyncProperty(randomMutation(REGISTRATION_MEMBERS), async (mutation) => {
        const { ceremonyId, response } = await registrationCeremony(account, authenticator);
        const result = await finishRegistration(
          account,
          ceremonyId,
          applyRandomMutation(response, mutation),
          "fuzz",
          englishPasskeyWords,
        );
        expect(result.ok).toBe(false);
        expect(REGISTRATION_REFUSALS).toContain(result.ok ? "ok" : result.code);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(await passkeyIds(account.user.id)).toEqual([]);
    // The same ceremony unmutated succeeds: the refusals above were the mutations', not a broken set-up.
    const { ceremonyId, response } = await registrationCeremony(account, authenticator);
    expect(await finishRegistration(account, ceremonyId, response, "fuzz", englishPasskeyWords)).toMatchObject({
      ok: true,
      data: { id: response.id },
    });
  });

  it("answers any JSON body, or any value in an unsigned member, with a result and never an exception", async () => {
    const account = await createAccount();
    const authenticator = new SoftwareAuthenticator();
    await fc.assert(
      fc.asyncProperty(randomBody(UNSIGNED_MEMBERS), async (input) => {
        await grantStepUp(db, {
          userId: account.user.id,
          sessionId: account.sessionId,
          method: "totp",
          purpose: "add-passkey",
        });
        const { ceremonyId, response } = await registrationCeremony(account, authenticator);
        const result = await finishRegistration(
          account,
          ceremonyId,
          applyRandomBody(response, input),
          "fuzz",
          englishPasskeyWords,
        );
        // Hints and client extension outputs are not signed: a registration with other values there may succeed.
        if (!result.ok) expect(REGISTRATION_REFUSALS).toContain(result.code);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe("assertions (lib/webauthn/authentication.ts checkAssertion, shared by sign-in, step-up and withdrawal)", () => {
  /** A usernameless sign-in challenge (so the user handle is required) and a valid assertion for it. */
  async function assertion() {
    const account = await createAccount({ passkeys: 1 });
    const value = Buffer.from(newToken(32), "base64url").toString("base64url");
    const ceremonyId = await saveChallenge({ purpose: "sign-in", value, userId: null });
    const challenge = await requireOpenChallenge(ceremonyId, "sign-in");
    const response = account.authenticator.authenticate({ challenge: value, rpId: relyingParty.id }, ORIGIN);
    await expect(checkAssertion(challenge, response)).resolves.toMatchObject({
      passkey: { id: account.passkeyIds[0] },
    });
    return { challenge, response };
  }
  const outcome = (promise: Promise<unknown>) =>
    promise.then(
      () => "verified",
      (error: unknown) => error,
    );

  it("never verifies a mutated signed member, and refuses with an AppError", async () => {
    const { challenge, response } = await assertion();
    await fc.assert(
      fc.asyncProperty(randomMutation(ASSERTION_MEMBERS), async (mutation) => {
        expect(await outcome(checkAssertion(challenge, applyRandomMutation(response, mutation)))).toBeInstanceOf(
          AppError,
        );
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("answers any JSON body, or any value in an unsigned member, with a verdict or an AppError, never another exception", async () => {
    const { challenge, response } = await assertion();
    await fc.assert(
      fc.asyncProperty(randomBody(UNSIGNED_MEMBERS), async (input) => {
        const result = await outcome(checkAssertion(challenge, applyRandomBody(response, input)));
        if (result !== "verified") expect(result).toBeInstanceOf(AppError);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
