// Server-ServerAuthenticatorAttestationResponse Resp-1 (structure), Resp-2 (clientDataJSON) and Resp-3 (attestation
// object): the software authenticator's mutation for each FIDO test, plus the few it has no mutation for.
import type { RegistrationMutationName } from "@/lib/authenticator";
import { FLAG_BITS } from "@/lib/authenticator/authenticator-data";
import { registrationMutation } from "@/lib/authenticator/mutations/registration-rewrite";
import { withEntry, withFlags } from "@/lib/authenticator/mutations/wire";
import {
  clientDataCase,
  fidoId,
  notBase64url,
  refusedRegistration,
  skipped,
  type MutationSpec,
} from "../case-builders";
import { creationOptions, register } from "../ceremonies";
import { check } from "../expectations";
import type { ConformanceCase } from "../types";

export const ATTESTATION_RESP = (n: string) => `Server-ServerAuthenticatorAttestationResponse-Resp-${n}`;

const specs = (
  family: string,
  tests: [string, RegistrationMutationName, ("packed-self" | "packed-full" | "fido-u2f")?][],
) =>
  tests.map(([test, mutation, input]): MutationSpec<RegistrationMutationName> => ({
    id: fidoId(family, test),
    family,
    mutation,
    input,
  }));

/** Registration mutations that are a FIDO test; the others become our own cases (cases/index.ts). */
export const registrationMutationSpecs: MutationSpec<RegistrationMutationName>[] = [
  ...specs(ATTESTATION_RESP("1"), [
    ["F-1", "idMissing"],
    ["F-2", "idNotString"],
    ["F-3", "idNotBase64url"],
    ["F-4", "typeMissing"],
    ["F-5", "typeNotString"],
    ["F-6", "typeNotPublicKey"],
    ["F-7", "responseMissing"],
    ["F-8", "responseNotObject"],
    ["F-9", "clientDataJSONMissing"],
    ["F-10", "clientDataJSONNotString"],
    ["F-11", "clientDataJSONEmpty"],
    ["F-12", "attestationObjectMissing"],
    ["F-13", "attestationObjectNotString"],
    ["F-14", "attestationObjectEmpty"],
    ["F-15", "userVerificationRequiredButNotSet"],
  ]),
  ...specs(ATTESTATION_RESP("2"), [
    ["F-1", "clientDataTypeMissing"],
    ["F-2", "clientDataTypeNotString"],
    ["F-3", "clientDataTypeEmpty"],
    ["F-5", "clientDataTypeSwapped"],
    ["F-6", "challengeMissing"],
    ["F-7", "challengeNotString"],
    ["F-8", "challengeEmpty"],
    ["F-10", "challengeWrong"],
    ["F-11", "originMissing"],
    ["F-12", "originNotString"],
    ["F-13", "originEmpty"],
    ["F-14", "originWrong"],
    ["F-15", "tokenBindingNotObject"],
    ["F-17", "tokenBindingBadStatus"],
  ]),
  ...specs(ATTESTATION_RESP("3"), [
    ["F-1", "attestationObjectNotMap"],
    ["F-2", "fmtMissing"],
    ["F-3", "fmtNotString"],
    ["F-4", "attStmtMissing"],
    ["F-5", "attStmtNotMap"],
    ["F-6", "authDataMissing"],
    ["F-7", "authDataNotBytes"],
    ["F-8", "authDataEmpty"],
    ["F-9", "attestedDataWithoutFlag"],
    ["F-11", "attestedDataFlagWithoutData"],
    ["F-12", "authDataLeftoverBytes"],
    ["F-14", "packedAlgMissing"],
    ["F-15", "packedAlgNotNumber"],
    ["F-17", "packedSigMissing"],
    ["F-18", "packedSigNotBytes"],
    ["F-19", "packedSigEmpty"],
  ]),
  ...specs(ATTESTATION_RESP("5"), [
    ["F-1", "fmtUnknown", "packed-full"],
    ["F-2", "packedSigInvalid", "packed-full"],
    ["F-11", "packedX5cWrongOrder", "packed-full"],
    ["F-13", "packedX5cWrongSigner", "packed-full"],
  ]),
  ...specs(ATTESTATION_RESP("6"), [
    ["F-1", "packedSigInvalid", "packed-self"],
    ["F-3", "fmtUnknown", "packed-self"],
  ]),
  ...specs(ATTESTATION_RESP("7"), [["F-1", "noneWithAttestationStatement", "packed-full"]]),
  ...specs(ATTESTATION_RESP("8"), [
    ["F-1", "fidoU2fNonZeroAaguid", "fido-u2f"],
    ["F-2", "fidoU2fSigInvalid", "fido-u2f"],
  ]),
];

const RESP_1 = ATTESTATION_RESP("1");
const RESP_2 = ATTESTATION_RESP("2");
const RESP_3 = ATTESTATION_RESP("3");

/** Resp-1 P-1, and the Resp-2 and Resp-3 tests the authenticator has no named mutation for. */
export const attestationResponseCases: ConformanceCase[] = [
  {
    id: fidoId(RESP_1, "P-1"),
    family: RESP_1,
    title: "a valid packed registration is accepted, and the user's next options list it in excludeCredentials",
    run: async (context) => {
      const registered = await register(context, { format: "packed-self" });
      const { excludeCredentials } = await creationOptions(context, registered.username);
      const wellFormed =
        Array.isArray(excludeCredentials) &&
        excludeCredentials.every((item) => item.type === "public-key" && typeof item.id === "string");
      check(
        wellFormed && excludeCredentials.some((item) => item.id === registered.credentialId),
        "excludeCredentials",
        `an array of {type: "public-key", id} with "${registered.credentialId}"`,
        excludeCredentials,
      );
    },
  },
  clientDataCase(
    {
      id: fidoId(RESP_2, "F-4"),
      family: RESP_2,
      title: 'clientData.type is "webauthn.unknown", not "webauthn.create"',
      ceremony: "registration",
    },
    () => ({ type: "webauthn.unknown" }),
  ),
  clientDataCase(
    {
      id: fidoId(RESP_2, "F-9"),
      family: RESP_2,
      title: "clientData.challenge is the challenge in standard base64, not base64url",
      ceremony: "registration",
    },
    (options) => ({ challenge: notBase64url(options.challenge) }),
  ),
  clientDataCase(
    {
      id: fidoId(RESP_2, "F-16"),
      family: RESP_2,
      title: "clientData.tokenBinding is an object without status",
      ceremony: "registration",
    },
    () => ({ extra: { tokenBinding: {} } }),
  ),
  refusedRegistration(
    { id: fidoId(RESP_3, "F-10"), family: RESP_3, mutation: "noAttestedDataNoFlag" },
    registrationMutation(
      RESP_3,
      "authData cut to 37 bytes and AT cleared: no attested credential data at all, re-signed",
      {
        authData: (authData) => withFlags(authData.subarray(0, 37), 0, FLAG_BITS.at),
      },
    ),
  ),
  refusedRegistration(
    { id: fidoId(RESP_3, "F-13"), family: RESP_3, mutation: "packedAttStmtEmpty" },
    registrationMutation(RESP_3, "packed attStmt is an empty map", {
      attestationObject: (object) => withEntry(object, "attStmt", new Map()),
    }),
  ),
  skipped(
    fidoId(RESP_3, "F-16"),
    RESP_3,
    "packed attStmt.alg does not match the algorithm in the metadata statement",
    "the suite's attestation key signs with ES256 only, as its metadata statement says: it has no other algorithm to contradict it with",
  ),
];
