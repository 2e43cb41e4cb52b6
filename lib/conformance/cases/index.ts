// The whole suite, in a stable order. Every mutation of the software authenticator is used: as the FIDO test it is,
// or as one of our own cases; only the optional-rawId ones are left out, on purpose.
import {
  assertionMutations,
  registrationMutations,
  type AssertionMutationName,
  type RegistrationMutationName,
} from "@/lib/authenticator";
import { assertionMutationCase, registrationMutationCase } from "../case-builders";
import type { ConformanceCase } from "../types";
import { assertionMutationSpecs, assertionResponseCases } from "./assertion-responses";
import { attestationFormatCases } from "./attestation-formats";
import { attestationResponseCases, registrationMutationSpecs } from "./attestation-responses";
import { creationOptionsCases } from "./creation-options";
import { getOptionsCases } from "./get-options";
import { metadataServiceCases } from "./metadata-service";
import { robustnessCases } from "./robustness";
import { securityCases } from "./security";

/** rawId is optional in the Conformance Test API (it defaults to id): leaving it out is not an error. */
export const UNUSED_MUTATIONS = ["rawIdMissing"] as const;

/** Our id for a mutation that is no FIDO test: under its security-bar line, or under the ceremony. */
function ownMutationCase(ceremony: "registration" | "assertion", name: string, family: string) {
  const securityLine = /^Security-(\d+)$/.exec(family);
  return securityLine
    ? { id: `PasskeyLab-Security-${securityLine[1]} ${ceremony} ${name}`, family: "PasskeyLab-Security" }
    : {
        id: `PasskeyLab-${ceremony === "registration" ? "Registration" : "Assertion"} ${name}`,
        family: `PasskeyLab-${ceremony === "registration" ? "Registration" : "Assertion"}`,
      };
}

function leftovers<Name extends string>(all: Record<Name, { family: string }>, used: { mutation: Name }[]): Name[] {
  const taken = new Set<string>([...used.map((spec) => spec.mutation), ...UNUSED_MUTATIONS]);
  return (Object.keys(all) as Name[]).filter((name) => !taken.has(name));
}

/** Families in the order the FIDO tool lists them, ours after the ceremony they test. */
const FAMILY_ORDER = [
  "Server-ServerPublicKeyCredentialCreationOptions-Req-1",
  ..."123456789AB".split("").map((n) => `Server-ServerAuthenticatorAttestationResponse-Resp-${n}`),
  "PasskeyLab-Attestation",
  "PasskeyLab-Metadata",
  "PasskeyLab-Registration",
  "Server-ServerPublicKeyCredentialGetOptionsResponse-Req-1",
  ..."123".split("").map((n) => `Server-ServerAuthenticatorAssertionResponse-Resp-${n}`),
  "PasskeyLab-Assertion",
  "PasskeyLab-Options",
  "PasskeyLab-Security",
  "PasskeyLab-Robustness",
  "Server-MDS3",
];

/** P-1, P-2, …, F-1, F-2, … within a FIDO family; our own cases keep the order they are written in. */
function testRank(id: string): number {
  const test = /([PF])-(\d+)$/.exec(id);
  return test ? (test[1] === "P" ? 0 : 1000) + Number(test[2]) : 0;
}

function inSuiteOrder(cases: ConformanceCase[]): ConformanceCase[] {
  const familyRank = (family: string) =>
    FAMILY_ORDER.includes(family) ? FAMILY_ORDER.indexOf(family) : FAMILY_ORDER.length;
  return cases
    .map((testCase, index) => ({ testCase, index }))
    .sort(
      (a, b) =>
        familyRank(a.testCase.family) - familyRank(b.testCase.family) ||
        testRank(a.testCase.id) - testRank(b.testCase.id) ||
        a.index - b.index,
    )
    .map(({ testCase }) => testCase);
}

export function allCases(): ConformanceCase[] {
  const ownRegistration = leftovers(registrationMutations, registrationMutationSpecs).map(
    (mutation: RegistrationMutationName) =>
      registrationMutationCase({
        mutation,
        ...ownMutationCase("registration", mutation, registrationMutations[mutation].family),
      }),
  );
  const ownAssertion = leftovers(assertionMutations, assertionMutationSpecs).map((mutation: AssertionMutationName) =>
    assertionMutationCase({ mutation, ...ownMutationCase("assertion", mutation, assertionMutations[mutation].family) }),
  );
  return inSuiteOrder([
    ...creationOptionsCases,
    ...registrationMutationSpecs.map(registrationMutationCase),
    ...attestationResponseCases,
    ...attestationFormatCases,
    ...ownRegistration,
    ...getOptionsCases,
    ...assertionResponseCases,
    ...assertionMutationSpecs.map(assertionMutationCase),
    ...ownAssertion,
    ...securityCases,
    ...robustnessCases,
    ...metadataServiceCases,
  ]);
}
