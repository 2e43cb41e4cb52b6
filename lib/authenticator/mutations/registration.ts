// Registration mutations: structure (Resp-1), clientDataJSON (Resp-2) and authenticator data in the attestation
// object (Resp-3), plus the security-bar cases. Attestation statement cases are in attestation-statement.ts.
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { sha256 } from "../bytes";
import { FLAG_BITS } from "../authenticator-data";
import { clientDataMutations } from "./client-data";
import { rewriteRegistration, registrationMutation as mutation } from "./registration-rewrite";
import { credentialFaults, responseMemberFaults } from "./structure";
import type { RegistrationMutationContext } from "./types";
import { withFlags } from "./wire";

const RESP_1 = "Server-ServerAuthenticatorAttestationResponse-Resp-1";
const RESP_2 = "Server-ServerAuthenticatorAttestationResponse-Resp-2";
const RESP_3 = "Server-ServerAuthenticatorAttestationResponse-Resp-3";

type R = RegistrationResponseJSON;
type C = RegistrationMutationContext;

export const registrationStructureMutations = {
  ...credentialFaults<R, C>(RESP_1),
  ...responseMemberFaults<"clientDataJSON", R, C>("clientDataJSON", RESP_1),
  ...responseMemberFaults<"attestationObject", R, C>("attestationObject", RESP_1),
  userVerificationRequiredButNotSet: mutation(
    RESP_1,
    "UV flag cleared (for a server that required user verification), re-signed",
    {
      authData: (authData) => withFlags(authData, 0, FLAG_BITS.uv),
    },
  ),
};

export const registrationClientDataMutations = clientDataMutations<R, C>(
  RESP_2,
  "webauthn.get",
  (response, context, edit) => rewriteRegistration(response, context, { clientData: edit }),
);

export const registrationAuthDataMutations = {
  authDataTooShort: mutation(RESP_3, "authData cut to 36 bytes (under the 37-byte minimum), re-signed", {
    authData: (authData) => authData.subarray(0, 36),
  }),
  attestedDataFlagWithoutData: mutation(RESP_3, "AT flag set but the attested credential data removed, re-signed", {
    authData: (authData) => withFlags(authData.subarray(0, 37), FLAG_BITS.at),
  }),
  attestedDataWithoutFlag: mutation(RESP_3, "attested credential data present but the AT flag cleared, re-signed", {
    authData: (authData) => withFlags(authData, 0, FLAG_BITS.at),
  }),
  authDataLeftoverBytes: mutation(RESP_3, "two bytes appended after the credential public key in authData, re-signed", {
    authData: (authData) => Buffer.concat([authData, Buffer.from([0x00, 0x00])]),
  }),
  extensionFlagWithoutData: mutation(RESP_3, "ED flag set but no extension data follows, re-signed", {
    authData: (authData) => withFlags(authData, FLAG_BITS.ed),
  }),
  attestationObjectLeftoverBytes: mutation(RESP_3, "two bytes appended after the attestation object's CBOR map", {
    trailing: Buffer.from([0x00, 0x00]),
  }),
  rpIdHashWrong: mutation("Security-6", "rpIdHash is SHA-256 of another domain (evil.example), re-signed", {
    authData: (authData) => Buffer.concat([sha256("evil.example"), authData.subarray(32)]),
  }),
  userNotPresent: mutation("Security-7", "UP flag cleared, re-signed", {
    authData: (authData) => withFlags(authData, 0, FLAG_BITS.up),
  }),
  backupStateWithoutEligibility: mutation(
    "Security-8",
    "BS set while BE is clear (an invalid combination), re-signed",
    {
      authData: (authData) => withFlags(authData, FLAG_BITS.bs, FLAG_BITS.be),
    },
  ),
  flagsChangedAfterSigning: mutation(
    "Security-9",
    "BE flag set after the attestation was signed (sig no longer matches)",
    {
      authData: (authData) => withFlags(authData, FLAG_BITS.be),
      unsigned: true,
    },
  ),
};
