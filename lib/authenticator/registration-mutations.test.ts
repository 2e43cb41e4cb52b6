// Every registration mutation must turn a registration SimpleWebAuthn accepts into one it refuses, for the reason the
// case is about; the few it accepts are listed as its gaps, which our own verifier must close.
import { verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeCBOR } from "@levischuck/tiny-cbor";
import { registrationMutations, type RegistrationMutationName } from "./mutations";
import type { JsonObject } from "./mutations/json";
import { SoftwareAuthenticator } from "./software-authenticator";
import { sha256 } from "./bytes";
import {
  creationOptions,
  ORIGIN,
  registeredCredential,
  trustTestCa,
  verifyRegistration,
} from "./test-support/simplewebauthn-oracle";

trustTestCa();

/** SimpleWebAuthn 14 accepts these; the WebAuthn spec or our security bar says refuse (lib/webauthn must). */
const SIMPLEWEBAUTHN_ACCEPTS = "accepted by SimpleWebAuthn";

const BAD_CHALLENGE = /Unexpected registration response challenge/;
const BAD_ORIGIN = /Unexpected registration response origin/;
const BAD_TYPE = /Unexpected registration response type/;
const NOT_BASE64URL = /Credential ID was not base64url-encoded/;

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
  responseMissing: /Cannot read properties of undefined/,
  responseNotObject: /Cannot read properties of undefined/,
  clientDataJSONMissing: /Cannot read properties of undefined/,
  clientDataJSONNotString: /JSON/,
  clientDataJSONNotBase64url: /JSON/,
  clientDataJSONEmpty: /Unexpected end of JSON input/,
  attestationObjectMissing: /Cannot read properties of undefined/,
  attestationObjectNotString: /No data/,
  // A lenient base64 decoder drops the + and / and reads shifted bytes, which then fail later checks.
  attestationObjectNotBase64url: /./,
  attestationObjectEmpty: /No data/,
  userVerificationRequiredButNotSet: /User verification was required/,
  clientDataTypeMissing: BAD_TYPE,
  clientDataTypeNotString: BAD_TYPE,
  clientDataTypeEmpty: BAD_TYPE,
  clientDataTypeSwapped: /Unexpected registration response type: webauthn.get/,
  challengeMissing: BAD_CHALLENGE,
  challengeNotString: BAD_CHALLENGE,
  challengeEmpty: BAD_CHALLENGE,
  challengeWrong: BAD_CHALLENGE,
  originMissing: BAD_ORIGIN,
  originNotString: BAD_ORIGIN,
  originEmpty: BAD_ORIGIN,
  originWrong: BAD_ORIGIN,
  tokenBindingNotObject: /Unexpected value for TokenBinding/,
  tokenBindingBadStatus: /Unexpected tokenBinding.status/,
  crossOriginTrue: SIMPLEWEBAUTHN_ACCEPTS,
  topOriginPresent: SIMPLEWEBAUTHN_ACCEPTS,
  clientDataJSONNotJson: /is not valid JSON/,
  clientDataJSONNotUtf8: SIMPLEWEBAUTHN_ACCEPTS,
  authDataTooShort: /Authenticator data was 36 bytes/,
  attestedDataFlagWithoutData: /Offset is outside the bounds/,
  attestedDataWithoutFlag: /Leftover bytes/,
  authDataLeftoverBytes: /Leftover bytes/,
  extensionFlagWithoutData: /No data/,
  attestationObjectLeftoverBytes: SIMPLEWEBAUTHN_ACCEPTS,
  rpIdHashWrong: /Unexpected RP ID hash/,
  userNotPresent: /User presence was required/,
  backupStateWithoutEligibility: /Single-device credential indicated that it was backed up/,
  flagsChangedAfterSigning: /verified: false/,
  attestationObjectNotMap: /get is not a function/,
  fmtMissing: /Unsupported Attestation Format: undefined/,
  fmtNotString: /Unsupported Attestation Format: 1/,
  fmtEmpty: /Unsupported Attestation Format: $/,
  fmtUnknown: /Unsupported Attestation Format: not-a-format/,
  attStmtMissing: /Cannot read properties of undefined \(reading 'get'\)/,
  attStmtNotMap: /attStmt.get is not a function/,
  authDataMissing: /Cannot read properties of undefined/,
  authDataNotBytes: /DataView/,
  authDataEmpty: /Authenticator data was 0 bytes/,
  packedAlgMissing: /did not contain alg/,
  packedAlgNotNumber: /Could not map COSE alg value of ES256/,
  packedAlgMismatch: SIMPLEWEBAUTHN_ACCEPTS,
  packedSigMissing: /No attestation signature/,
  packedSigNotBytes: /Expected ArrayBuffer/,
  packedSigEmpty: /zero length/,
  packedSigInvalid: /verified: false/,
  // SimpleWebAuthn's ASN.1 parser ignores the SEQUENCE tag; lib/webauthn/ecdsa-signature.ts refuses it.
  packedSigNotDer: SIMPLEWEBAUTHN_ACCEPTS,
  packedSigZero: /verified: false/,
  packedSigCurveOrder: /verified: false/,
  packedX5cWrongOrder: /Certificate OU was not "Authenticator Attestation"/,
  packedX5cLeafOnly: /could not be chained to any specified trust anchor/,
  packedX5cWrongSigner: /verified: false/,
  noneWithAttestationStatement: /None attestation had unexpected attestation statement/,
  fidoU2fNonZeroAaguid: /AAGUID .* was not expected value/,
  fidoU2fSigInvalid: /verified: false/,
} satisfies Record<RegistrationMutationName, RegExp | typeof SIMPLEWEBAUTHN_ACCEPTS>;

const names = Object.keys(registrationMutations) as RegistrationMutationName[];

function registrationFor(name: RegistrationMutationName) {
  const { input, algorithm } = registrationMutations[name];
  const authenticator = new SoftwareAuthenticator({ attestation: input ?? "packed-self", algorithm });
  const response = authenticator.register(creationOptions(), ORIGIN);
  return { authenticator, response, context: { attestationSigner: authenticator.attestationSigner(response.id) } };
}

describe("registration mutations", () => {
  it.each(names)("%s", async (name) => {
    const { response, context } = registrationFor(name);
    await registeredCredential(response); // the unmutated input verifies
    const before = JSON.stringify(response);
    const mutated = registrationMutations[name].apply(response, context);
    expect(JSON.stringify(response)).toBe(before); // pure: the input is untouched
    expect(JSON.stringify(mutated)).not.toBe(before);

    const outcome = await verifyRegistration(mutated);
    const expected = EXPECTED[name];
    if (expected === SIMPLEWEBAUTHN_ACCEPTS) expect(outcome.verified).toBe(true);
    else expect(outcome.verified || outcome.reason).toMatch(expected);
  });

  it("names each case after a FIDO family or a security-bar line, with a one-line doc", () => {
    for (const name of names) {
      const { family, doc } = registrationMutations[name];
      expect(family).toMatch(/^(Server-ServerAuthenticatorAttestationResponse-Resp-[1-9A-B]|Security-\d+)$/);
      expect(doc.length > 10 && !doc.includes("\n")).toBe(true);
    }
  });

  // "Well signed but wrong": the attestation signature still verifies, so only the intended check can refuse it.
  it.each([
    "challengeWrong",
    "originWrong",
    "clientDataTypeSwapped",
    "rpIdHashWrong",
    "authDataLeftoverBytes",
    "attestedDataWithoutFlag",
    "userVerificationRequiredButNotSet",
  ] as const)("%s is signed again by the credential key (packed self)", (name) => {
    const { authenticator, response, context } = registrationFor(name);
    const mutated = registrationMutations[name].apply(response, context);
    const inner = mutated.response as JsonObject;
    const object = decodeCBOR(new Uint8Array(Buffer.from(String(inner.attestationObject), "base64url"))) as Map<
      string,
      unknown
    >;
    const authData = Buffer.from(object.get("authData") as Uint8Array);
    const sig = Buffer.from((object.get("attStmt") as Map<string, unknown>).get("sig") as Uint8Array);
    const clientDataHash = sha256(Buffer.from(String(inner.clientDataJSON), "base64url"));
    expect(
      verify("sha256", Buffer.concat([authData, clientDataHash]), authenticator.credential(response.id).publicKey, sig),
    ).toBe(true);
  });

  // A server that offers EdDSA first (the portal does) would otherwise get an Ed25519 sig with a changed first byte: a
  // merely broken signature, or, when that byte already had the new value, an untouched valid one (a flaky pass).
  it("marks the ECDSA encoding faults as needing an ES256 key", () => {
    expect(names.filter((name) => registrationMutations[name].algorithm === "ES256")).toEqual([
      "packedSigZero",
      "packedSigNotDer",
      "packedSigCurveOrder",
    ]);
  });

  it.each(names.filter((name) => registrationMutations[name].algorithm))(
    "%s is made on the key it is about, whatever is offered first",
    (name) => {
      const { input, algorithm } = registrationMutations[name];
      const authenticator = new SoftwareAuthenticator({ attestation: input ?? "packed-self", algorithm });
      const response = authenticator.register(creationOptions([-8, -7, -257]), ORIGIN);
      expect(authenticator.credential(response.id).algorithm).toBe(algorithm);
      const sigOf = (json: JsonObject) => {
        const object = decodeCBOR(
          new Uint8Array(Buffer.from(String((json.response as JsonObject).attestationObject), "base64url")),
        ) as Map<string, unknown>;
        return Buffer.from((object.get("attStmt") as Map<string, unknown>).get("sig") as Uint8Array);
      };
      const valid = sigOf(response as unknown as JsonObject);
      expect(valid[0]).toBe(0x30); // DER SEQUENCE: an ECDSA signature
      expect(
        sigOf(
          registrationMutations[name].apply(response, {
            attestationSigner: authenticator.attestationSigner(response.id),
          }),
        ),
      ).not.toEqual(valid);
    },
  );
});
