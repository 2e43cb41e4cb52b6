import { describe, expect, it } from "vitest";
import { describeRegistration } from "./describe-registration";
import { describeStepFailure } from "./describe-failure";
import { exportReportCard } from "./export-card";
import { STEP_IDS } from "./steps";
import { authenticator, registerFor } from "./test-responses";

describe("exportReportCard: the whole card as JSON", () => {
  const response = registerFor(authenticator({ attestation: "packed-self" }), "passkey");
  const card = exportReportCard({
    generatedAt: new Date("2026-11-25T06:00:00Z"),
    client: "Chrome 156 on Linux",
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0",
    rpId: "localhost",
    results: {
      passkey: describeRegistration("passkey", response, { credProps: { rk: true } }),
      "alg-es512": describeStepFailure("alg-es512", { name: "NotAllowedError", message: "not allowed" }, null),
      "uv-only": describeStepFailure("uv-only", { name: "NotAllowedError", message: "not allowed" }, null),
    },
  });

  it("lists every step in order, with its options, and marks the ones not run", () => {
    expect(card).toMatchObject({
      kind: "passkey-lab-report-card",
      version: 1,
      generatedAt: "2026-11-25T06:00:00.000Z",
      client: "Chrome 156 on Linux",
      rpId: "localhost",
    });
    expect(card.steps.map((step) => step.id)).toEqual([...STEP_IDS]);
    const [passkey] = card.steps;
    expect(passkey).toMatchObject({ title: "A passkey with user verification", status: "Supported" });
    expect(passkey?.options).toContain("attestation: direct");
    expect(passkey?.rows).toContainEqual({ label: "Discoverable (credProps.rk)", value: "yes" });
    expect(card.steps.find((step) => step.id === "alg-es512")).toMatchObject({
      status: "Not supported",
      detail: "NotAllowedError: not allowed",
    });
    expect(card.steps.find((step) => step.id === "uv-only")).toMatchObject({
      title: "A plain credential with user verification",
      options: expect.arrayContaining(["residentKey: discouraged", "userVerification: required"]),
      status: "Not supported",
    });
    expect(card.steps.find((step) => step.id === "resident-key-only")).toMatchObject({
      options: expect.arrayContaining(["residentKey: required", "userVerification: discouraged"]),
      status: "Not run",
    });
    expect(card.steps.find((step) => step.id === "get-prf")).toMatchObject({
      status: "Not run",
      headline: null,
      rows: [],
    });
  });

  it("carries no challenge, key or credential id", () => {
    const text = JSON.stringify(card);
    expect(text).not.toMatch(/challenge/i);
    expect(text).not.toContain(response.id);
    expect(text).not.toContain(response.response.attestationObject.slice(0, 40));
  });
});
