// Resp-3 P-1 and Resp-4 to Resp-B: algorithms and attestation formats, valid and broken; our apple and metadata cases.
import { testCaRootDer, type AlgorithmName, type SoftwareAuthenticator } from "@/lib/authenticator";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import type { CBORType } from "@levischuck/tiny-cbor";
import { packedAttestationKey } from "@/lib/authenticator/attestation/packed";
import type { JsonObject } from "@/lib/authenticator/mutations/json";
import { registrationMutation } from "@/lib/authenticator/mutations/registration-rewrite";
import { attStmtOf, decodeAttestationObject, withEntry } from "@/lib/authenticator/mutations/wire";
import { byteString } from "@/lib/authenticator/bytes";
import { testPki } from "@/lib/authenticator/test-ca";
import {
  attestationCertificate,
  expiredIntermediate,
  expiredValidity,
  foreignIntermediate,
  futureValidity,
  signedBy,
  withChain,
} from "../attestation-chains";
import { acceptedRegistration, fidoId, refusedRegistration, skipped } from "../case-builders";
import { creationOptions } from "../ceremonies";
import { CaseSkipped } from "../expectations";
import { COMPROMISED_AAGUID } from "../suite-metadata";
import { expectRefusedAgainstTwin } from "../twin-judgement";
import { PACKED_FULL_REGISTRATION, PACKED_SELF_REGISTRATION } from "../twins";
import type { ConformanceCase } from "../types";
import { ATTESTATION_RESP } from "./attestation-responses";

const [RESP_3, RESP_4, RESP_5, RESP_6, RESP_7, RESP_8] = ["3", "4", "5", "6", "7", "8"].map(ATTESTATION_RESP);

/** Resp-4: [test, algorithm, optional in FIDO's list]. */
const ALGORITHM_TESTS: [string, AlgorithmName, boolean][] = [
  ["P-2", "PS256", true],
  ["P-3", "PS384", true],
  ["P-4", "PS512", true],
  ["P-5", "RS256", false],
  ["P-6", "RS384", true],
  ["P-7", "RS512", true],
  ["P-8", "RS1", false],
  ["P-9", "ES256", false],
  ["P-10", "ES384", true],
  ["P-11", "ES512", true],
  ["P-12", "EdDSA", true],
];

const x5cOf = (response: RegistrationResponseJSON) =>
  (attStmtOf(decodeAttestationObject(response.response.attestationObject)).get("x5c") as Uint8Array[]).map((der) =>
    Buffer.from(der),
  );

/** A packed full registration the target must refuse once `broken` is done to it. */
function brokenChain(
  test: string,
  title: string,
  broken: (response: RegistrationResponseJSON, authenticator: SoftwareAuthenticator) => JsonObject,
): ConformanceCase {
  return {
    id: fidoId(RESP_5, test),
    family: RESP_5,
    title,
    testRootChain: "must-refuse",
    run: async (context) => {
      await expectRefusedAgainstTwin(context, PACKED_FULL_REGISTRATION, "POST /attestation/result", async () => {
        const authenticator = context.authenticator({ attestation: "packed-full" });
        const response = authenticator.register(
          await creationOptions(context, context.username(), { attestation: "direct" }),
          context.origin,
        );
        return context.client.post("/attestation/result", broken(response, authenticator));
      });
    },
  };
}

/** A packed full registration whose x5c is replaced (nothing signed again: x5c is not signed over). */
const setX5c = (test: string, doc: string, x5c: (old: Uint8Array[]) => CBORType | undefined) =>
  refusedRegistration(
    { id: fidoId(RESP_5, test), family: RESP_5, mutation: `x5c-${test}` },
    registrationMutation(
      RESP_5,
      doc,
      {
        attestationObject: (object) =>
          withEntry(
            object,
            "attStmt",
            withEntry(attStmtOf(object), "x5c", x5c(attStmtOf(object).get("x5c") as Uint8Array[])),
          ),
      },
      "packed-full",
    ),
  );

const unsupportedFormat = (family: string, format: string, tests: string[]) =>
  tests.map((test) =>
    skipped(
      fidoId(family, test),
      family,
      `"${format}" attestation`,
      `the software authenticator does not produce ${format} attestation (it makes none, packed self and full, fido-u2f and apple)`,
    ),
  );

export const attestationFormatCases: ConformanceCase[] = [
  acceptedRegistration({
    id: fidoId(RESP_3, "P-1"),
    family: RESP_3,
    title: "packed registration whose authData carries extension data (credProtect) with the ED flag is accepted",
    format: "packed-self",
    choices: { extensions: new Map([["credProtect", 2]]) },
  }),
  skipped(
    fidoId(RESP_4, "P-1"),
    RESP_4,
    "packed self attestation with ES256K (secp256k1)",
    "the software authenticator has no secp256k1 keys",
  ),
  ...ALGORITHM_TESTS.map(([test, algorithm, optional]) =>
    acceptedRegistration({
      id: fidoId(RESP_4, test),
      family: RESP_4,
      title: `packed self attestation with ${algorithm}, then a sign-in with it${optional ? " (optional)" : ""}`,
      format: "packed-self",
      choices: { algorithm },
      optional,
    }),
  ),
  acceptedRegistration({
    id: fidoId(RESP_5, "P-1"),
    family: RESP_5,
    title: "packed full attestation, x5c [attestation certificate, intermediate]",
    format: "packed-full",
    request: { attestation: "direct" },
  }),
  acceptedRegistration({
    id: fidoId(RESP_5, "P-2"),
    family: RESP_5,
    title: "packed full attestation whose chain ends at the root in the suite's metadata statement",
    format: "packed-full",
    request: { attestation: "direct" },
  }),
  setX5c(
    "F-3",
    "packed full statement without x5c (sig by the attestation key, so no longer self either)",
    () => undefined,
  ),
  setX5c("F-4", "packed full x5c is a byte string (the certificate), not an array", (x5c) => x5c[0]),
  setX5c("F-5", "packed full x5c is an empty array", () => []),
  brokenChain("F-6", "the attestation certificate expired a year ago", (response, authenticator) => {
    const leaf = attestationCertificate(authenticator.aaguid, expiredValidity());
    return withChain(response, [leaf.der, testPki().intermediate.certificateDer], leaf.signer);
  }),
  brokenChain("F-7", "the attestation certificate becomes valid only next year", (response, authenticator) => {
    const leaf = attestationCertificate(authenticator.aaguid, futureValidity());
    return withChain(response, [leaf.der, testPki().intermediate.certificateDer], leaf.signer);
  }),
  skipped(
    fidoId(RESP_5, "F-8"),
    RESP_5,
    "attestation certificate algorithm differs from the metadata statement",
    "the suite's attestation certificates are ES256, as its metadata statement says",
  ),
  brokenChain(
    "F-9",
    "x5c [attestation certificate, an intermediate from another, untrusted CA]: the chain cannot be verified",
    (response) => withChain(response, [x5cOf(response)[0], foreignIntermediate()]),
  ),
  setX5c("F-10", "packed full x5c carries the whole chain, root included", (x5c) => [
    ...x5c,
    byteString(testCaRootDer()),
  ]),
  brokenChain("F-12", "the intermediate certificate in x5c expired a year ago", (response, authenticator) => {
    const intermediate = expiredIntermediate();
    const leaf = attestationCertificate(authenticator.aaguid, undefined, intermediate.issuer);
    return withChain(response, [leaf.der, intermediate.der], leaf.signer);
  }),
  brokenChain(
    "F-14",
    "sig made with the new credential's private key instead of the attestation key",
    (response, authenticator) => signedBy(response, authenticator.credentialSigner(response.id)),
  ),
  acceptedRegistration({
    id: fidoId(RESP_6, "P-1"),
    family: RESP_6,
    title: "packed self (surrogate) attestation",
    format: "packed-self",
  }),
  {
    id: fidoId(RESP_6, "F-2"),
    family: RESP_6,
    title: "packed self attestation that also carries a full attestation x5c (sig by the credential key)",
    run: async (context) => {
      await expectRefusedAgainstTwin(context, PACKED_SELF_REGISTRATION, "POST /attestation/result", async () => {
        const authenticator = context.authenticator({ attestation: "packed-self" });
        const response = authenticator.register(await creationOptions(context, context.username()), context.origin);
        return context.client.post(
          "/attestation/result",
          withChain(response, packedAttestationKey(authenticator.aaguid).x5c),
        );
      });
    },
  },
  acceptedRegistration({
    id: fidoId(RESP_7, "P-1"),
    family: RESP_7,
    title: '"none" attestation when "none" was requested',
    format: "none",
  }),
  acceptedRegistration({
    id: fidoId(RESP_7, "P-2"),
    family: RESP_7,
    title: 'packed self attestation when "none" was requested',
    format: "packed-self",
  }),
  acceptedRegistration({
    id: fidoId(RESP_8, "P-1"),
    family: RESP_8,
    title: "fido-u2f attestation (ES256, zero AAGUID)",
    format: "fido-u2f",
    request: { attestation: "direct" },
  }),
  ...unsupportedFormat(ATTESTATION_RESP("9"), "tpm", ["P-1", "P-2", "P-3", "F-1", "F-2", "F-3", "F-4"]),
  ...unsupportedFormat(ATTESTATION_RESP("A"), "android-key", ["P-1", "F-1", "F-2", "F-3"]),
  ...unsupportedFormat(ATTESTATION_RESP("B"), "android-safetynet", [
    "P-1",
    "F-1",
    "F-2",
    "F-3",
    "F-4",
    "F-5",
    "F-6",
    "F-7",
  ]),
  acceptedRegistration({
    id: "PasskeyLab-Attestation apple-anonymous",
    family: "PasskeyLab-Attestation",
    title:
      "apple anonymous attestation chained to the suite's test root (optional: trusting it means trusting a root other than Apple's)",
    format: "apple",
    optional: true,
    request: { attestation: "direct" },
  }),
  {
    id: "PasskeyLab-Metadata compromised-attestation-key",
    family: "PasskeyLab-Metadata",
    title: "packed full attestation by a model whose metadata reports ATTESTATION_KEY_COMPROMISE is refused",
    run: async (context) => {
      if (!context.metadataWritten)
        throw new CaseSkipped("needs the suite's metadata statements in the target's metadata folder (--metadata-dir)");
      // The twin is the suite's own model, whose metadata reports nothing: accepted, it shows the status decided.
      await expectRefusedAgainstTwin(context, PACKED_FULL_REGISTRATION, "POST /attestation/result", async () => {
        const authenticator = context.authenticator({ aaguid: COMPROMISED_AAGUID, attestation: "packed-full" });
        const response = authenticator.register(
          await creationOptions(context, context.username(), { attestation: "direct" }),
          context.origin,
        );
        return context.client.post("/attestation/result", response);
      });
    },
  },
];
