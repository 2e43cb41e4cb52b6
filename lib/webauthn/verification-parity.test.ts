// One verification core (verify-registration.ts, verify-assertion.ts): the portal, the FIDO API and the wizard's live
// test give every mutation of the software authenticator the same verdict and the same reason, so the wizard can never
// say "our server accepted it" of a response /sign-in refuses. Each relying party is driven through its own entry
// points (options, then the finish step), with the same authenticator and the same policy.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { grantStepUp } from "@/lib/auth/step-up";
import {
  assertionMutations,
  registrationMutations,
  SoftwareAuthenticator,
  type AssertionMutationName,
  type AuthenticatorOptions,
  type RegistrationMutationName,
} from "@/lib/authenticator";
import { newToken } from "@/lib/crypto/tokens";
import { finishAssertion } from "@/lib/fido-server/finish-assertion";
import { finishAttestation } from "@/lib/fido-server/finish-attestation";
import { startAssertion } from "@/lib/fido-server/start-assertion";
import { startAttestation } from "@/lib/fido-server/start-attestation";
import type { Result } from "@/lib/result";
import {
  finishLiveAuthentication,
  finishLiveRegistration,
  startLiveAuthentication,
  startLiveRegistration,
  type Verdict,
} from "@/lib/troubleshoot/live-test";
import { createAccount, ORIGIN, type TestAccount } from "@/test/accounts";
import { finishPasskeyStepUp, startPasskeyStepUp } from "./authentication";
import { passkeyFailureReason } from "./failure-reason";
import { finishRegistration, startRegistration } from "./registration";
import { englishPasskeyWords } from "@/test/passkey-words";

/** "accepted", or the reason a refusal is stored under (the FIDO API's reason is read from its message). */
type Outcome = string;
const ofResult = (result: Result<unknown>): Outcome =>
  result.ok ? "accepted" : passkeyFailureReason({ code: result.code, detail: result.detail ?? result.message });
const ofVerdict = (verdict: Verdict): Outcome => (verdict.ok ? "accepted" : (verdict.reason ?? "no reason"));
const expectOk = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.data;
};

// One key type everywhere: otherwise each relying party's first offered algorithm would pick it (EdDSA here, ES256 there).
const keyOf = (algorithm?: AuthenticatorOptions["algorithm"]) => algorithm ?? "ES256";

let account: TestAccount;
beforeAll(async () => {
  account = await createAccount();
});

async function registrationOutcomes(name: RegistrationMutationName) {
  const mutation = registrationMutations[name];
  const answer = (options: Parameters<SoftwareAuthenticator["register"]>[0]) => {
    const authenticator = new SoftwareAuthenticator({
      attestation: mutation.input ?? "packed-self",
      algorithm: keyOf(mutation.algorithm),
    });
    const response = authenticator.register(options, ORIGIN);
    return mutation.apply(response, { attestationSigner: authenticator.attestationSigner(response.id) });
  };
  await grantStepUp(db, {
    userId: account.user.id,
    sessionId: account.sessionId,
    method: "totp",
    purpose: "add-passkey",
  });
  const portal = expectOk(await startRegistration(account, "this-device"));
  const fido = expectOk(
    await startAttestation({ username: `parity-${newToken(6)}`, displayName: "Parity", attestation: "direct" }),
  );
  const live = await startLiveRegistration();
  return {
    portal: ofResult(
      await finishRegistration(account, portal.ceremonyId, answer(portal.options), "Test browser", englishPasskeyWords),
    ),
    fido: ofResult(await finishAttestation(answer(fido as never))),
    live: ofVerdict(await finishLiveRegistration(live.testId, answer(live.options))),
  };
}

/** Counter mutations need a stored counter above 0: every credential is registered with counter 5. */
const COUNTER_AT_REGISTRATION = 5;

async function assertionOutcomes(name: AssertionMutationName) {
  const mutation = assertionMutations[name];
  const authenticator = new SoftwareAuthenticator({ algorithm: keyOf(mutation.algorithm) });
  const choices = { attestation: "none", signCount: COUNTER_AT_REGISTRATION } as const;
  const answer = (options: Parameters<SoftwareAuthenticator["authenticate"]>[0], credentialId: string) => {
    const response = authenticator.authenticate(options, ORIGIN, { credentialId });
    return mutation.apply(response, {
      signer: authenticator.credentialSigner(credentialId),
      storedCounter: COUNTER_AT_REGISTRATION,
    });
  };

  // A fresh account each time: step-ups are rate-limited per account.
  const account = await createAccount();
  // The portal: a passkey on the account, then a step-up with it (sign-in runs the same checkAssertion, but answers a
  // stranger without the verifier's words: security bar 62).
  await grantStepUp(db, {
    userId: account.user.id,
    sessionId: account.sessionId,
    method: "totp",
    purpose: "add-passkey",
  });
  const added = expectOk(await startRegistration(account, "this-device"));
  const portalId = expectOk(
    await finishRegistration(
      account,
      added.ceremonyId,
      authenticator.register(added.options, ORIGIN, choices),
      "Test browser",
      englishPasskeyWords,
    ),
  ).id;
  const stepUp = expectOk(await startPasskeyStepUp(account.user, account.sessionId));
  const portal = ofResult(
    await finishPasskeyStepUp(
      account.user,
      account.sessionId,
      stepUp.ceremonyId,
      answer(stepUp.options, portalId),
      "add-passkey",
      "Test browser",
    ),
  );

  // The FIDO API, asked for the same policy.
  const username = `parity-${newToken(6)}`;
  const creation = expectOk(await startAttestation({ username, displayName: "Parity", attestation: "none" }));
  const fidoRegistration = authenticator.register(creation as never, ORIGIN, choices);
  expectOk(await finishAttestation(fidoRegistration));
  const request = expectOk(await startAssertion({ username, userVerification: "required" }));
  const fido = ofResult(await finishAssertion(answer(request as never, fidoRegistration.id)));

  // The wizard's live test.
  const live = await startLiveRegistration();
  const liveRegistration = authenticator.register(live.options, ORIGIN, choices);
  expect((await finishLiveRegistration(live.testId, liveRegistration)).ok).toBe(true);
  const liveRequest = (await startLiveAuthentication(live.testId))!;
  const liveOutcome = ofVerdict(await finishLiveAuthentication(live.testId, answer(liveRequest, liveRegistration.id)));
  return { portal, fido, live: liveOutcome };
}

/**
 * Where the relying parties' terms differ by design, not their verification: the Conformance Test API's credential
 * may leave out rawId (lib/fido-server/normalise-credential.ts), and only the FIDO API checks attestation trust (the
 * portal asks for "none"), so a chain its trust store cannot reach is its refusal alone.
 */
function expectedFido(name: string, portal: Outcome, fido: Outcome): Outcome {
  if (name === "rawIdMissing" && fido === "accepted") return fido;
  if (portal === "accepted" && fido === "passkey:untrusted") return fido;
  return portal;
}

describe("every relying party here reads a registration the same way", () => {
  it.each(Object.keys(registrationMutations) as RegistrationMutationName[])("%s", async (name) => {
    const { portal, fido, live } = await registrationOutcomes(name);
    expect({ fido, live }).toEqual({ fido: expectedFido(name, portal, fido), live: portal });
  });
});

describe("every relying party here reads an assertion the same way", () => {
  it.each(Object.keys(assertionMutations) as AssertionMutationName[])("%s", async (name) => {
    const { portal, fido, live } = await assertionOutcomes(name);
    expect(portal, "no mutation signs anyone in").not.toBe("accepted");
    expect({ fido, live }).toEqual({ fido: expectedFido(name, portal, fido), live: portal });
  });
});
