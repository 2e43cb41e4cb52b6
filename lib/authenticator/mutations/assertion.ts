// Assertion mutations: structure (Resp-1), clientDataJSON (Resp-2) and authenticator data, signature and counter
// (Resp-3), plus the security-bar cases. Signed data that changes is signed again with the credential key unless
// the case is about the signature itself.
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { randomBytes } from "node:crypto";
import { sha256 } from "../bytes";
import { FLAG_BITS } from "../authenticator-data";
import { clientDataMutations, type ClientDataEdit } from "./client-data";
import { ECDSA_CURVE_ORDER_SIGNATURE, ECDSA_ZERO_SIGNATURE } from "./psychic-signatures";
import { responseString, toJson, withResponseMember, type JsonObject } from "./json";
import { credentialFaults, responseMemberFaults } from "./structure";
import { onEcdsaKey, type AssertionMutationContext, type Mutation } from "./types";
import { flipLastByte, signCountOf, withDerSequenceTag, withFlags, withSignCount } from "./wire";

const RESP_1 = "Server-ServerAuthenticatorAssertionResponse-Resp-1";
const RESP_2 = "Server-ServerAuthenticatorAssertionResponse-Resp-2";
const RESP_3 = "Server-ServerAuthenticatorAssertionResponse-Resp-3";

type R = AuthenticationResponseJSON;
type C = AssertionMutationContext;
type AssertionMutation = Mutation<R, C>;

type AssertionEdits = {
  clientData?: ClientDataEdit;
  authData?: (authData: Buffer, context: C) => Buffer;
  /** Replaces the signature; gets what a correct one would sign. */
  signature?: (signedData: Buffer, current: Buffer, context: C) => Buffer;
  /** Keep the old signature although signed data changed. */
  unsigned?: boolean;
};

function rewriteAssertion(response: R, context: C, edits: AssertionEdits): JsonObject {
  const json = toJson(response);
  const originalClientData = Buffer.from(responseString(json, "clientDataJSON"), "base64url");
  const clientDataJSON = edits.clientData ? edits.clientData(originalClientData) : originalClientData;
  const originalAuthData = Buffer.from(responseString(json, "authenticatorData"), "base64url");
  const authData = edits.authData ? edits.authData(originalAuthData, context) : originalAuthData;
  const signedData = Buffer.concat([authData, sha256(clientDataJSON)]);
  let signature: Buffer = Buffer.from(responseString(json, "signature"), "base64url");
  if ((edits.clientData || edits.authData) && !edits.unsigned) signature = context.signer.sign(signedData);
  if (edits.signature) signature = edits.signature(signedData, signature, context);
  let result = withResponseMember(json, "clientDataJSON", clientDataJSON.toString("base64url"));
  result = withResponseMember(result, "authenticatorData", authData.toString("base64url"));
  return withResponseMember(result, "signature", signature.toString("base64url"));
}

const mutation = (family: string, doc: string, edits: AssertionEdits): AssertionMutation => ({
  family,
  doc,
  apply: (response, context) => rewriteAssertion(response, context, edits),
});

export const assertionStructureMutations = {
  ...credentialFaults<R, C>(RESP_1),
  ...responseMemberFaults<"clientDataJSON", R, C>("clientDataJSON", RESP_1),
  ...responseMemberFaults<"authenticatorData", R, C>("authenticatorData", RESP_1),
  ...responseMemberFaults<"signature", R, C>("signature", RESP_1),
  userHandleNotString: {
    family: RESP_1,
    doc: "response.userHandle is a number instead of a base64url string",
    apply: (response) => withResponseMember(toJson(response), "userHandle", 42),
  } satisfies AssertionMutation,
};

export const assertionClientDataMutations = clientDataMutations<R, C>(
  RESP_2,
  "webauthn.create",
  (response, context, edit) => rewriteAssertion(response, context, { clientData: edit }),
);

export const assertionDataMutations = {
  authenticatorDataLeftoverBytes: mutation(RESP_3, "two bytes appended after authenticatorData, re-signed", {
    authData: (authData) => Buffer.concat([authData, Buffer.from([0x00, 0x00])]),
  }),
  authenticatorDataTooShort: mutation("Security-19", "authenticatorData cut to 36 bytes, re-signed", {
    authData: (authData) => authData.subarray(0, 36),
  }),
  rpIdHashWrong: mutation(RESP_3, "rpIdHash is SHA-256 of another domain (evil.example), correctly signed", {
    authData: (authData) => Buffer.concat([sha256("evil.example"), authData.subarray(32)]),
  }),
  signatureOverWrongClientDataHash: mutation(
    RESP_3,
    "signature by the right key over authData || SHA-256 of other clientDataJSON",
    {
      signature: (signedData, _current, context) =>
        context.signer.sign(Buffer.concat([signedData.subarray(0, signedData.length - 32), sha256(randomBytes(64))])),
    },
  ),
  signatureInvalid: mutation(RESP_3, "signature with its last byte flipped", {
    signature: (_signedData, current) => flipLastByte(current),
  }),
  signatureNotDer: onEcdsaKey(
    mutation(
      "Security-9",
      "ECDSA signature's DER SEQUENCE tag changed (0x30 to 0xB0): the same r and s, not DER (WebAuthn L3 §6.5.5)",
      {
        signature: (_signedData, current) => withDerSequenceTag(current, 0xb0),
      },
    ),
  ),
  signatureZero: onEcdsaKey(
    mutation("Security-22", "ECDSA signature r = 0, s = 0 in DER (CVE-2022-21449, psychic signatures)", {
      signature: () => ECDSA_ZERO_SIGNATURE,
    }),
  ),
  signatureCurveOrder: onEcdsaKey(
    mutation("Security-22", "ECDSA signature r = s = n, the P-256 group order (0 modulo n)", {
      signature: () => ECDSA_CURVE_ORDER_SIGNATURE,
    }),
  ),
  counterNotIncreased: mutation(
    RESP_3,
    "signCount equal to the server's stored counter (context.storedCounter > 0), re-signed",
    {
      authData: (authData, context) => withSignCount(authData, context.storedCounter ?? signCountOf(authData) - 1),
    },
  ),
  counterDecreased: mutation(
    "Security-10",
    "signCount one below the server's stored counter (context.storedCounter > 0), re-signed",
    {
      authData: (authData, context) =>
        withSignCount(authData, Math.max(0, (context.storedCounter ?? signCountOf(authData)) - 1)),
    },
  ),
  userPresentOnlyWhenUvRequired: mutation(
    RESP_3,
    "UP set but UV cleared, for a server that requires user verification, re-signed",
    {
      authData: (authData) => withFlags(authData, FLAG_BITS.up, FLAG_BITS.uv),
    },
  ),
  userNotPresent: mutation("Security-7", "UP and UV cleared, re-signed", {
    authData: (authData) => withFlags(authData, 0, FLAG_BITS.up | FLAG_BITS.uv),
  }),
  extensionFlagWithoutData: mutation(RESP_3, "ED flag set but no extension data follows, re-signed", {
    authData: (authData) => withFlags(authData, FLAG_BITS.ed),
  }),
  backupStateWithoutEligibility: mutation("Security-8", "BS set while BE is clear, re-signed", {
    authData: (authData) => withFlags(authData, FLAG_BITS.bs, FLAG_BITS.be),
  }),
  flagsChangedAfterSigning: mutation("Security-9", "BE flag set after signing (signature no longer matches)", {
    authData: (authData) => withFlags(authData, FLAG_BITS.be),
    unsigned: true,
  }),
  counterChangedAfterSigning: mutation(
    "Security-9",
    "signCount raised by 1000 after signing (signature no longer matches)",
    {
      authData: (authData) => withSignCount(authData, signCountOf(authData) + 1000),
      unsigned: true,
    },
  ),
  clientDataChangedAfterSigning: mutation(
    "Security-9",
    "one space added to clientDataJSON after signing (signature no longer matches)",
    {
      clientData: (bytes) => Buffer.concat([bytes.subarray(0, bytes.length - 1), Buffer.from(" }")]),
      unsigned: true,
    },
  ),
};
