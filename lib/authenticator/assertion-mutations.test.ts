// Every assertion mutation must turn an assertion SimpleWebAuthn accepts into one it refuses, for the reason the case
// is about; the few it accepts are listed as its gaps, which our own verifier must close.
import { verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { assertionMutations, type AssertionMutationName } from "./mutations";
import type { JsonObject } from "./mutations/json";
import { SoftwareAuthenticator } from "./software-authenticator";
import { sha256 } from "./bytes";
import {
  creationOptions,
  ORIGIN,
  registeredCredential,
  requestOptions,
  verifyAuthentication,
} from "./test-support/simplewebauthn-oracle";

const SIMPLEWEBAUTHN_ACCEPTS = "accepted by SimpleWebAuthn";
const STORED_COUNTER = 5;

const BAD_CHALLENGE = /Unexpected authentication response challenge/;
const BAD_ORIGIN = /Unexpected authentication response origin/;
const BAD_TYPE = /Unexpected authentication response type/;
const NOT_BASE64URL = /Credential ID was not base64url-encoded/;
const NO_CLIENT_DATA = /clientDataJSON was not a string/;

const EXPECTED = {
  idMissing: /Missing credential ID/,
  idNotString: NOT_BASE64URL,
  idNotBase64url: NOT_BASE64URL,
  idEmpty: /Missing credential ID/,
  rawIdMissing: NOT_BASE64URL,
  rawIdNotString: NOT_BASE64URL,
  rawIdNotBase64url: NOT_BASE64URL,
  rawIdEmpty: NOT_BASE64URL,
  rawIdDifferentFromId: NOT_BASE64URL,
  typeMissing: /Unexpected credential type/,
  typeNotString: /Unexpected credential type/,
  typeEmpty: /Unexpected credential type/,
  typeNotPublicKey: /Unexpected credential type password/,
  responseMissing: NO_CLIENT_DATA,
  responseNotObject: NO_CLIENT_DATA,
  clientDataJSONMissing: NO_CLIENT_DATA,
  clientDataJSONNotString: NO_CLIENT_DATA,
  clientDataJSONNotBase64url: /JSON/,
  clientDataJSONEmpty: /Unexpected end of JSON input/,
  authenticatorDataMissing: /Cannot read properties of undefined/,
  authenticatorDataNotString: /replace is not a function/,
  authenticatorDataNotBase64url: /authenticatorData was not a base64url string/,
  authenticatorDataEmpty: /Authenticator data was 0 bytes/,
  signatureMissing: /Cannot read properties of undefined/,
  signatureNotString: /replace is not a function/,
  signatureNotBase64url: /signature was not a base64url string/,
  signatureEmpty: /zero length/,
  userHandleNotString: /userHandle was not a string/,
  clientDataTypeMissing: BAD_TYPE,
  clientDataTypeNotString: BAD_TYPE,
  clientDataTypeEmpty: BAD_TYPE,
  clientDataTypeSwapped: /Unexpected authentication response type: webauthn.create/,
  challengeMissing: BAD_CHALLENGE,
  challengeNotString: BAD_CHALLENGE,
  challengeEmpty: BAD_CHALLENGE,
  challengeWrong: BAD_CHALLENGE,
  originMissing: BAD_ORIGIN,
  originNotString: BAD_ORIGIN,
  originEmpty: BAD_ORIGIN,
  originWrong: BAD_ORIGIN,
  tokenBindingNotObject: /tokenBinding was not an object/,
  tokenBindingBadStatus: /Unexpected tokenBinding status/,
  crossOriginTrue: SIMPLEWEBAUTHN_ACCEPTS,
  topOriginPresent: /Unexpected top origin/,
  clientDataJSONNotJson: /is not valid JSON/,
  clientDataJSONNotUtf8: SIMPLEWEBAUTHN_ACCEPTS,
  authenticatorDataLeftoverBytes: /Leftover bytes/,
  authenticatorDataTooShort: /Authenticator data was 36 bytes/,
  rpIdHashWrong: /Unexpected RP ID hash/,
  signatureOverWrongClientDataHash: /verified: false/,
  signatureInvalid: /verified: false/,
  // SimpleWebAuthn's ASN.1 parser ignores the SEQUENCE tag; lib/webauthn/ecdsa-signature.ts refuses it.
  signatureNotDer: SIMPLEWEBAUTHN_ACCEPTS,
  signatureZero: /verified: false/,
  signatureCurveOrder: /verified: false/,
  counterNotIncreased: /Response counter value 5 was lower than expected 5/,
  counterDecreased: /Response counter value 4 was lower than expected 5/,
  userPresentOnlyWhenUvRequired: /User verification required/,
  userNotPresent: /User not present/,
  extensionFlagWithoutData: /No data/,
  backupStateWithoutEligibility: /Single-device credential indicated that it was backed up/,
  flagsChangedAfterSigning: /verified: false/,
  counterChangedAfterSigning: /verified: false/,
  clientDataChangedAfterSigning: /verified: false/,
} satisfies Record<AssertionMutationName, RegExp | typeof SIMPLEWEBAUTHN_ACCEPTS>;

const names = Object.keys(assertionMutations) as AssertionMutationName[];

/** A registered credential whose server-side counter is 5, and a fresh valid assertion (counter 6) for it. */
async function assertionFor() {
  const authenticator = new SoftwareAuthenticator();
  const registration = authenticator.register(creationOptions(), ORIGIN);
  const credential = { ...(await registeredCredential(registration)), counter: STORED_COUNTER };
  authenticator.authenticate(requestOptions(), ORIGIN, { signCount: STORED_COUNTER });
  const response = authenticator.authenticate(requestOptions(), ORIGIN);
  const context = { signer: authenticator.credentialSigner(registration.id), storedCounter: STORED_COUNTER };
  return { authenticator, credential, response, context };
}

describe("assertion mutations", () => {
  it("marks the ECDSA encoding faults as needing an ES256 key (the portal offers EdDSA first)", () => {
    expect(names.filter((name) => assertionMutations[name].algorithm === "ES256")).toEqual([
      "signatureNotDer",
      "signatureZero",
      "signatureCurveOrder",
    ]);
  });

  it.each(names)("%s", async (name) => {
    const { credential, response, context } = await assertionFor();
    expect((await verifyAuthentication(response, credential)).verified).toBe(true);
    const before = JSON.stringify(response);
    const mutated = assertionMutations[name].apply(response, context);
    expect(JSON.stringify(response)).toBe(before);
    expect(JSON.stringify(mutated)).not.toBe(before);

    const outcome = await verifyAuthentication(mutated, credential);
    const expected = EXPECTED[name];
    if (expected === SIMPLEWEBAUTHN_ACCEPTS) expect(outcome.verified).toBe(true);
    else expect(outcome.verified || outcome.reason).toMatch(expected);
  });

  it("names each case after a FIDO family or a security-bar line, with a one-line doc", () => {
    for (const name of names) {
      const { family, doc } = assertionMutations[name];
      expect(family).toMatch(/^(Server-ServerAuthenticatorAssertionResponse-Resp-[1-3]|Security-\d+)$/);
      expect(doc.length > 10 && !doc.includes("\n")).toBe(true);
    }
  });

  // "Well signed but wrong": the signature still verifies over what is sent, so only the intended check can refuse it.
  it.each([
    "rpIdHashWrong",
    "counterNotIncreased",
    "userPresentOnlyWhenUvRequired",
    "authenticatorDataLeftoverBytes",
    "extensionFlagWithoutData",
    "challengeWrong",
    "clientDataTypeSwapped",
  ] as const)("%s is signed again by the credential key", async (name) => {
    const { authenticator, response, context } = await assertionFor();
    const inner = assertionMutations[name].apply(response, context).response as JsonObject;
    const signed = Buffer.concat([
      Buffer.from(String(inner.authenticatorData), "base64url"),
      sha256(Buffer.from(String(inner.clientDataJSON), "base64url")),
    ]);
    const signature = Buffer.from(String(inner.signature), "base64url");
    expect(verify("sha256", signed, authenticator.credential(response.id).publicKey, signature)).toBe(true);
  });
});
