// The --metadata-dir hint is printed only where a missing trust in the run's test root can explain what went wrong.
import { describe, expect, it } from "vitest";
import { allCases } from "./cases";
import { needsTestRootHint } from "./test-root-hint";
import type { CaseResult } from "./types";

const result = (id: string, outcome: CaseResult["outcome"]): CaseResult => ({
  id,
  family: id.split(" ")[0],
  title: "",
  outcome,
  reason: "",
  exchanges: [],
  durationMs: 1,
});

const PACKED_FULL = "Server-ServerAuthenticatorAttestationResponse-Resp-5 P-1";
const FIDO_U2F = "Server-ServerAuthenticatorAttestationResponse-Resp-8 P-1";
const PACKED_FULL_NEGATIVE = "Server-ServerAuthenticatorAttestationResponse-Resp-5 F-2";
const SELF_ATTESTED = "Server-ServerAuthenticatorAttestationResponse-Resp-6 P-1";
const cases = allCases();

describe("needsTestRootHint", () => {
  it("is given when a full-attestation registration the target must accept failed, and --metadata-dir was not", () => {
    expect(needsTestRootHint({ cases: [result(PACKED_FULL, "fail")] }, cases, false)).toBe(true);
    expect(needsTestRootHint({ cases: [result(FIDO_U2F, "fail")] }, cases, false)).toBe(true);
    expect(needsTestRootHint({ cases: [result(PACKED_FULL, "fail")] }, cases, true)).toBe(false);
  });

  it("is given when a full-attestation negative is inconclusive: its twin, chained to the same root, was refused", () => {
    expect(needsTestRootHint({ cases: [result(PACKED_FULL_NEGATIVE, "inconclusive")] }, cases, false)).toBe(true);
  });

  it("is not given when a full-attestation negative failed: the target accepted it, and trusting less would not change that", () => {
    const untrustedChainAccepted = "Server-ServerAuthenticatorAttestationResponse-Resp-5 F-6";
    expect(
      needsTestRootHint(
        { cases: [result(untrustedChainAccepted, "fail"), result(PACKED_FULL_NEGATIVE, "fail")] },
        cases,
        false,
      ),
    ).toBe(false);
  });

  it("is not given for fails that no attestation root is part of", () => {
    expect(
      needsTestRootHint(
        { cases: [result(SELF_ATTESTED, "fail"), result(PACKED_FULL, "pass"), result(PACKED_FULL, "deviation")] },
        cases,
        false,
      ),
    ).toBe(false);
  });
});
