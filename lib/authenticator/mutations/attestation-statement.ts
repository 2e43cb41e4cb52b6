// Server-…AttestationResponse-Resp-3 (attestation object members), Resp-5 (packed full chain and signer),
// Resp-7 (none) and Resp-8 (fido-u2f) mutations.
import { generateKeyPairSync } from "node:crypto";
import type { CBORType } from "@levischuck/tiny-cbor";
import { byteString } from "../bytes";
import { coseAlgorithmId, createSigner } from "../cose";
import { ECDSA_CURVE_ORDER_SIGNATURE, ECDSA_ZERO_SIGNATURE } from "./psychic-signatures";
import { registrationMutation as mutation, rewriteRegistration } from "./registration-rewrite";
import { onEcdsaKey, type RegistrationMutation } from "./types";
import { AUTH_DATA, attStmtOf, flipLastByte, withDerSequenceTag, withEntry, type CborMap } from "./wire";

const RESP_3 = "Server-ServerAuthenticatorAttestationResponse-Resp-3";
const RESP_5 = "Server-ServerAuthenticatorAttestationResponse-Resp-5";
const RESP_7 = "Server-ServerAuthenticatorAttestationResponse-Resp-7";
const RESP_8 = "Server-ServerAuthenticatorAttestationResponse-Resp-8";

const setMember = (key: string, value: CBORType | undefined) => (object: CborMap) => withEntry(object, key, value);

const setStatementMember =
  (key: string, value: (old: CBORType | undefined) => CBORType | undefined) => (object: CborMap) => {
    const attStmt = attStmtOf(object);
    return withEntry(object, "attStmt", withEntry(attStmt, key, value(attStmt.get(key))));
  };

function bytesOf(value: CBORType | undefined): Buffer {
  if (!(value instanceof Uint8Array)) throw new Error("mutations start from a valid attestation statement (sig bytes)");
  return Buffer.from(value);
}

function x5cOf(value: CBORType | undefined): CBORType[] {
  if (!Array.isArray(value) || value.length < 2)
    throw new Error("this mutation needs a packed-full registration (x5c of two)");
  return value;
}

export const attestationObjectMutations = {
  attestationObjectNotMap: mutation(
    RESP_3,
    "the attestation object is a CBOR array [fmt, attStmt, authData], not a map",
    {
      attestationObject: (object) => [object.get("fmt"), object.get("attStmt"), object.get("authData")],
    },
  ),
  fmtMissing: mutation(RESP_3, "fmt is left out", { attestationObject: setMember("fmt", undefined) }),
  fmtNotString: mutation(RESP_3, "fmt is a number", { attestationObject: setMember("fmt", 1) }),
  fmtEmpty: mutation(RESP_3, "fmt is an empty string", { attestationObject: setMember("fmt", "") }),
  fmtUnknown: mutation(RESP_3, 'fmt is "not-a-format", which no registry lists', {
    attestationObject: setMember("fmt", "not-a-format"),
  }),
  attStmtMissing: mutation(RESP_3, "attStmt is left out", { attestationObject: setMember("attStmt", undefined) }),
  attStmtNotMap: mutation(RESP_3, "attStmt is a text string instead of a map", {
    attestationObject: setMember("attStmt", "attStmt"),
  }),
  authDataMissing: mutation(RESP_3, "authData is left out", { attestationObject: setMember("authData", undefined) }),
  authDataNotBytes: mutation(RESP_3, "authData is a text string (its hex) instead of a byte string", {
    attestationObject: (object) =>
      withEntry(object, "authData", Buffer.from(bytesOf(object.get("authData"))).toString("hex")),
  }),
  authDataEmpty: mutation(RESP_3, "authData is an empty byte string", {
    attestationObject: setMember("authData", new Uint8Array(0)),
  }),
  packedAlgMissing: mutation(RESP_3, "packed attStmt without alg", {
    attestationObject: setStatementMember("alg", () => undefined),
  }),
  packedAlgNotNumber: mutation(RESP_3, 'packed alg is the text "ES256" instead of -7', {
    attestationObject: setStatementMember("alg", () => "ES256"),
  }),
  packedAlgMismatch: mutation(
    RESP_3,
    "packed self attestation claims alg RS256 for an ES256 credential (WebAuthn L3 §8.2: alg must match the key)",
    { attestationObject: setStatementMember("alg", () => coseAlgorithmId("RS256")) },
  ),
  packedSigMissing: mutation(RESP_3, "packed attStmt without sig", {
    attestationObject: setStatementMember("sig", () => undefined),
  }),
  packedSigNotBytes: mutation(RESP_3, "packed sig is a text string (base64url) instead of bytes", {
    attestationObject: setStatementMember("sig", (sig) => bytesOf(sig).toString("base64url")),
  }),
  packedSigEmpty: mutation(RESP_3, "packed sig is an empty byte string", {
    attestationObject: setStatementMember("sig", () => new Uint8Array(0)),
  }),
  packedSigInvalid: mutation(RESP_3, "packed sig with its last byte flipped", {
    attestationObject: setStatementMember("sig", (sig) => byteString(flipLastByte(bytesOf(sig)))),
  }),
  packedSigZero: onEcdsaKey(
    mutation("Security-22", "packed self attestation sig is ECDSA r = 0, s = 0 in DER (CVE-2022-21449)", {
      attestationObject: setStatementMember("sig", () => byteString(ECDSA_ZERO_SIGNATURE)),
    }),
  ),
  packedSigNotDer: onEcdsaKey(
    mutation(
      "Security-9",
      "packed self attestation sig's DER SEQUENCE tag changed (0x30 to 0xB0): the same r and s, not DER",
      {
        attestationObject: setStatementMember("sig", (sig) => byteString(withDerSequenceTag(bytesOf(sig), 0xb0))),
      },
    ),
  ),
  packedSigCurveOrder: onEcdsaKey(
    mutation("Security-22", "packed self attestation sig is ECDSA r = s = n, the P-256 group order", {
      attestationObject: setStatementMember("sig", () => byteString(ECDSA_CURVE_ORDER_SIGNATURE)),
    }),
  ),
  packedX5cWrongOrder: mutation(
    RESP_5,
    "packed x5c lists the intermediate before the attestation certificate",
    { attestationObject: setStatementMember("x5c", (x5c) => [...x5cOf(x5c)].reverse()) },
    "packed-full",
  ),
  packedX5cLeafOnly: mutation(
    RESP_5,
    "packed x5c without the intermediate, so the chain cannot reach the root",
    { attestationObject: setStatementMember("x5c", (x5c) => x5cOf(x5c).slice(0, 1)) },
    "packed-full",
  ),
  packedX5cWrongSigner: {
    family: RESP_5,
    doc: "packed full sig over the right data, made by a key that is not the attestation certificate's",
    input: "packed-full",
    apply: (response) => {
      const stranger = createSigner("ES256", generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey);
      // An identity edit of authData makes the rewrite sign again, here with the stranger's key.
      return rewriteRegistration(response, { attestationSigner: stranger }, { authData: (authData) => authData });
    },
  } satisfies RegistrationMutation,
  noneWithAttestationStatement: mutation(
    RESP_7,
    'a full packed attestation statement (alg, sig, x5c) under fmt "none"',
    {
      attestationObject: setMember("fmt", "none"),
    },
    "packed-full",
  ),
  fidoU2fNonZeroAaguid: mutation(
    RESP_8,
    "fido-u2f with a non-zero AAGUID in authData (it must be all zeros), re-signed",
    {
      authData: (authData) => {
        const copy = Buffer.from(authData);
        copy.fill(0x11, AUTH_DATA.aaguid, AUTH_DATA.credentialIdLength);
        return copy;
      },
    },
    "fido-u2f",
  ),
  fidoU2fSigInvalid: mutation(
    RESP_8,
    "fido-u2f sig with its last byte flipped",
    {
      attestationObject: setStatementMember("sig", (sig) => byteString(flipLastByte(bytesOf(sig)))),
    },
    "fido-u2f",
  ),
};
