// The case list itself: named as FIDO names them (or as ours), unique, and using every mutation of the authenticator.
import { describe, expect, it } from "vitest";
import { assertionMutations, registrationMutations } from "@/lib/authenticator";
import { allCases, UNUSED_MUTATIONS } from ".";
import { assertionMutationSpecs } from "./assertion-responses";
import { registrationMutationSpecs } from "./attestation-responses";

const FIDO_ID =
  /^Server-(ServerPublicKeyCredentialCreationOptions-Req-1|ServerPublicKeyCredentialGetOptionsResponse-Req-1|ServerAuthenticatorAttestationResponse-Resp-[1-9AB]|ServerAuthenticatorAssertionResponse-Resp-[1-3]|MDS3) [PF]-\d+$/;
const OWN_ID = /^PasskeyLab-[A-Za-z]+(-\d+)? \S.*$/;

describe("the case list", () => {
  const cases = allCases();

  it("has unique ids, each a FIDO test id in its FIDO family, or one of ours", () => {
    expect(new Set(cases.map((testCase) => testCase.id)).size).toBe(cases.length);
    for (const { id, family } of cases) {
      if (id.startsWith("Server-")) expect(id.startsWith(`${family} `), id).toBe(true);
      expect(id).toMatch(id.startsWith("Server-") ? FIDO_ID : OWN_ID);
      expect(family.startsWith("Server-") || family.startsWith("PasskeyLab-"), id).toBe(true);
    }
  });

  it("runs or says why not: every case has a run, or a skip reason", () => {
    for (const testCase of cases) expect(Boolean(testCase.run) !== Boolean(testCase.skip), testCase.id).toBe(true);
  });

  it("uses every registration and assertion mutation, except the optional rawId", () => {
    const registrationIds = new Set(cases.map((testCase) => testCase.id));
    const named = (name: string) => [...registrationIds].some((id) => id.endsWith(` ${name}`));
    const mapped = new Set(
      [...registrationMutationSpecs, ...assertionMutationSpecs].map((spec) => spec.mutation as string),
    );
    for (const name of [...Object.keys(registrationMutations), ...Object.keys(assertionMutations)]) {
      if ((UNUSED_MUTATIONS as readonly string[]).includes(name)) continue;
      expect(mapped.has(name) || named(name), name).toBe(true);
    }
  });

  it("covers every FIDO family of the server tests", () => {
    const families = new Set(cases.map((testCase) => testCase.family));
    for (const family of [
      "Server-ServerPublicKeyCredentialCreationOptions-Req-1",
      "Server-ServerPublicKeyCredentialGetOptionsResponse-Req-1",
      ..."123456789AB".split("").map((n) => `Server-ServerAuthenticatorAttestationResponse-Resp-${n}`),
      ..."123".split("").map((n) => `Server-ServerAuthenticatorAssertionResponse-Resp-${n}`),
      "Server-MDS3",
    ]) {
      expect(families.has(family), family).toBe(true);
    }
  });
});
