// Server-ServerAuthenticatorAssertionResponse Resp-1 (structure), Resp-2 (clientDataJSON) and Resp-3 (authenticator
// data): the software authenticator's mutation for each FIDO test, and the accepted flag and counter combinations.
import type { AssertionMutationName, AuthenticateChoices } from "@/lib/authenticator";
import { clientDataCase, fidoId, notBase64url, skipped, type MutationSpec } from "../case-builders";
import { register, signIn } from "../ceremonies";
import { expectOk } from "../expectations";
import type { ConformanceCase } from "../types";

const ASSERTION_RESP = (n: string) => `Server-ServerAuthenticatorAssertionResponse-Resp-${n}`;
const [RESP_1, RESP_2, RESP_3] = ["1", "2", "3"].map(ASSERTION_RESP);

const specs = (family: string, tests: [string, AssertionMutationName][]) =>
  tests.map(([test, mutation]): MutationSpec<AssertionMutationName> => ({
    id: fidoId(family, test),
    family,
    mutation,
  }));

/** Assertion mutations that are a FIDO test; the others become our own cases (cases/index.ts). */
export const assertionMutationSpecs: MutationSpec<AssertionMutationName>[] = [
  ...specs(RESP_1, [
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
    ["F-12", "authenticatorDataMissing"],
    ["F-13", "authenticatorDataNotString"],
    ["F-14", "authenticatorDataNotBase64url"],
    ["F-15", "authenticatorDataEmpty"],
    ["F-16", "signatureMissing"],
    ["F-17", "signatureNotString"],
    ["F-18", "signatureNotBase64url"],
    ["F-19", "signatureEmpty"],
    ["F-20", "signatureInvalid"],
    ["F-21", "userHandleNotString"],
  ]),
  ...specs(RESP_2, [
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
  ...specs(RESP_3, [
    ["F-1", "authenticatorDataLeftoverBytes"],
    ["F-2", "rpIdHashWrong"],
    ["F-3", "signatureOverWrongClientDataHash"],
    ["F-4", "counterNotIncreased"],
    ["F-5", "userPresentOnlyWhenUvRequired"],
  ]),
];

/** A sign-in the target must accept, with these flags and this requested userVerification. */
function accepted(
  test: string,
  title: string,
  choices: AuthenticateChoices,
  userVerification: string,
): ConformanceCase {
  return {
    id: fidoId(RESP_3, test),
    family: RESP_3,
    title,
    run: async (context) => {
      const registered = await register(context);
      expectOk(await signIn(context, registered, choices, { userVerification }), "POST /assertion/result");
    },
  };
}

const UP_REQUIRED =
  "expects UP=0 accepted, which WebAuthn L3 §7.2 step 16 forbids (UP must be set); the suite checks instead that UP=0 is refused (PasskeyLab-Security-7 assertion userNotPresent)";

export const assertionResponseCases: ConformanceCase[] = [
  {
    id: fidoId(RESP_1, "P-1"),
    family: RESP_1,
    title: "a valid assertion is accepted",
    run: async (context) => {
      expectOk(await signIn(context, await register(context)), "POST /assertion/result");
    },
  },
  clientDataCase(
    {
      id: fidoId(RESP_2, "F-4"),
      family: RESP_2,
      title: 'clientData.type is "webauthn.unknown", not "webauthn.get"',
      ceremony: "assertion",
    },
    () => ({ type: "webauthn.unknown" }),
  ),
  clientDataCase(
    {
      id: fidoId(RESP_2, "F-9"),
      family: RESP_2,
      title: "clientData.challenge is the challenge in standard base64, not base64url",
      ceremony: "assertion",
    },
    (options) => ({ challenge: notBase64url(options.challenge) }),
  ),
  clientDataCase(
    {
      id: fidoId(RESP_2, "F-16"),
      family: RESP_2,
      title: "clientData.tokenBinding is an object without status",
      ceremony: "assertion",
    },
    () => ({ extra: { tokenBinding: {} } }),
  ),
  {
    id: fidoId(RESP_3, "P-1"),
    family: RESP_3,
    title: "an authenticator whose counter is always 0 signs in, twice",
    run: async (context) => {
      const registered = await register(context, { authenticator: context.authenticator({ signCountMode: "zero" }) });
      expectOk(await signIn(context, registered), "first sign-in, counter 0");
      expectOk(await signIn(context, registered), "second sign-in, counter 0 again");
    },
  },
  accepted("P-2", 'UV set, userVerification "required"', { flags: { up: true, uv: true } }, "required"),
  accepted("P-3", 'UV and UP set, userVerification "required"', { flags: { up: true, uv: true } }, "required"),
  skipped(fidoId(RESP_3, "P-4"), RESP_3, 'UV and UP not set, userVerification "preferred"', UP_REQUIRED),
  accepted("P-5", 'UP set (UV not), userVerification "discouraged"', { flags: { up: true, uv: false } }, "discouraged"),
  accepted("P-6", 'UV set, userVerification "discouraged"', { flags: { up: true, uv: true } }, "discouraged"),
  skipped(fidoId(RESP_3, "P-7"), RESP_3, 'UV and UP not set, userVerification "discouraged"', UP_REQUIRED),
  accepted(
    "P-8",
    "authenticatorData carries extension data (credProtect) with the ED flag",
    { extensions: new Map([["credProtect", 2]]) },
    "preferred",
  ),
];
