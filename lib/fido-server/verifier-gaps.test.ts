// What SimpleWebAuthn 14 accepts and the specifications or our security bar forbid: each is refused here, with why.
// (lib/authenticator's mutation tests pin that SimpleWebAuthn alone accepts these.)
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import {
  registrationMutations,
  SoftwareAuthenticator,
  type AuthenticateChoices,
  type RegisterChoices,
} from "@/lib/authenticator";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { db } from "@/lib/db/client";
import { challenges } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { post, type FidoAnswer } from "@/test/fido-requests";

const ORIGIN = relyingParty.origins[0];

async function creationOptions(username: string, extra: Record<string, unknown> = {}) {
  return (await post("/attestation/options", { username, ...extra }))
    .body as unknown as PublicKeyCredentialCreationOptionsJSON;
}
async function requestOptions(username: string, extra: Record<string, unknown> = {}) {
  return (await post("/assertion/options", { username, ...extra }))
    .body as unknown as PublicKeyCredentialRequestOptionsJSON;
}

async function registered(choices: RegisterChoices = {}) {
  const username = `gap-${newToken(6)}`;
  const authenticator = new SoftwareAuthenticator();
  const response = authenticator.register(await creationOptions(username), ORIGIN, choices);
  expect((await post("/attestation/result", response)).body.errorMessage).toBe("");
  return { username, authenticator, credentialId: response.id };
}

async function signIn(
  account: Awaited<ReturnType<typeof registered>>,
  choices: AuthenticateChoices = {},
  extra: Record<string, unknown> = {},
) {
  return post(
    "/assertion/result",
    account.authenticator.authenticate(await requestOptions(account.username, extra), ORIGIN, choices),
  );
}

function expectRefused(answer: FidoAnswer, reason: RegExp) {
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({ status: "failed", errorMessage: expect.stringMatching(reason) });
}

describe("registration checks of our own", () => {
  it.each([
    ["crossOrigin true", "crossOriginTrue", /clientDataJSON\.crossOrigin is true/],
    ["a topOrigin", "topOriginPresent", /clientDataJSON\.topOrigin is present/],
    ["clientDataJSON that is not UTF-8", "clientDataJSONNotUtf8", /not valid UTF-8/],
    [
      "packed self attestation with an alg other than the key's",
      "packedAlgMismatch",
      /alg -257 differs from the credential key's alg -7/,
    ],
    [
      "bytes after the attestation object (policy: reject)",
      "attestationObjectLeftoverBytes",
      /2 bytes after its CBOR map/,
    ],
  ] as const)("refuses %s", async (_name, mutation, reason) => {
    const authenticator = new SoftwareAuthenticator({ attestation: "packed-self" });
    const response = authenticator.register(await creationOptions(`gap-${newToken(6)}`), ORIGIN);
    const mutated = registrationMutations[mutation].apply(response, {
      attestationSigner: authenticator.attestationSigner(response.id),
    });
    expectRefused(await post("/attestation/result", mutated), reason);
  });

  it("takes a credential id of 1023 bytes and refuses one of 1024 (WebAuthn L3 §7.1)", async () => {
    for (const [length, ok] of [
      [1023, true],
      [1024, false],
    ] as const) {
      const response = new SoftwareAuthenticator().register(await creationOptions(`gap-${newToken(6)}`), ORIGIN, {
        credentialIdLength: length,
      });
      const answer = await post("/attestation/result", response);
      if (ok) expect(answer.body.errorMessage).toBe("");
      else expectRefused(answer, /credential id is 1024 bytes, over the 1023-byte limit/);
    }
  });

  it("refuses UV=0 when the options required user verification, and takes it when they preferred it", async () => {
    const username = `gap-${newToken(6)}`;
    const required = await creationOptions(username, { authenticatorSelection: { userVerification: "required" } });
    expectRefused(
      await post("/attestation/result", new SoftwareAuthenticator().register(required, ORIGIN, { uv: false })),
      /User verification was required/,
    );
    const preferred = await creationOptions(username);
    expect(
      (await post("/attestation/result", new SoftwareAuthenticator().register(preferred, ORIGIN, { uv: false })))
        .status,
    ).toBe(200);
  });

  it("refuses a response to a challenge that expired", async () => {
    const username = `gap-${newToken(6)}`;
    const options = await creationOptions(username);
    await db
      .update(challenges)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(challenges.value, options.challenge));
    expectRefused(
      await post("/attestation/result", new SoftwareAuthenticator().register(options, ORIGIN)),
      /not an open registration challenge/,
    );
  });
});

describe("assertion checks of our own", () => {
  it("refuses a change of backup eligibility since registration (WebAuthn L3 §6.1.3)", async () => {
    const account = await registered({ be: true });
    expectRefused(
      await signIn(account, { flags: { be: false } }),
      /backup eligibility \(BE\) changed from true at registration to false/,
    );
    expect((await signIn(account, { flags: { be: true } })).status).toBe(200);
  });

  it("refuses another user's credential and another user's user handle", async () => {
    const alice = await registered();
    const bob = await registered();
    const { challenge, rpId } = await requestOptions(bob.username);
    const withAlicesKey = alice.authenticator.authenticate({ challenge, rpId }, ORIGIN);
    expectRefused(await post("/assertion/result", withAlicesKey), /belongs to another user/);
    const bobsHandle = bob.authenticator.credential(bob.credentialId).userHandle;
    expectRefused(await signIn(alice, { userHandle: bobsHandle }), /userHandle is not the user handle/);
  });

  it("accepts one of 20 concurrent copies of an assertion, and keeps the counter of the one that won", async () => {
    const account = await registered();
    const response = account.authenticator.authenticate(await requestOptions(account.username), ORIGIN, {
      signCount: 7,
    });
    const answers = await Promise.all(Array.from({ length: 20 }, () => post("/assertion/result", response)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expectRefused(await signIn(account, { signCount: 7 }), /counter value 7 was lower than expected 7/);
  });

  it("refuses the older of two assertions that arrive out of order", async () => {
    const account = await registered();
    const older = account.authenticator.authenticate(await requestOptions(account.username), ORIGIN);
    const newer = account.authenticator.authenticate(await requestOptions(account.username), ORIGIN);
    expect((await post("/assertion/result", newer)).status).toBe(200);
    expectRefused(await post("/assertion/result", older), /counter value 1 was lower than expected 2/);
  });

  it("refuses UV=0 when the options required user verification", async () => {
    const account = await registered();
    expectRefused(
      await signIn(account, { flags: { uv: false } }, { userVerification: "required" }),
      /user verification required, but the authenticator data UV flag is 0/,
    );
    expect((await signIn(account, { flags: { uv: false } }, { userVerification: "discouraged" })).status).toBe(200);
  });
});
