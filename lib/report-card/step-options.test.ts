import { describe, expect, it } from "vitest";
import { buildStepOptions, PRF_SALT, REPORT_CARD_USER } from "./step-options";
import { STEP_IDS, STEPS, summariseStepOptions } from "./steps";
import { RP } from "./test-responses";

const CHALLENGE = "Y2hhbGxlbmdl";

function creation(stepId: (typeof STEP_IDS)[number]) {
  const built = buildStepOptions(stepId, RP, CHALLENGE);
  if (built.ceremony !== "create") throw new Error(`${stepId} is not a create step`);
  return built.options;
}

describe("the options each step sends", () => {
  const creates = STEP_IDS.filter((id) => STEPS[id].ceremony === "create");

  it("every create uses the same user handle, so a passkey manager replaces the test passkey", () => {
    const users = creates.map((id) => creation(id).user);
    expect(new Set(users.map((user) => user.id))).toEqual(new Set([REPORT_CARD_USER.id]));
    expect(users[0]).toEqual({
      id: Buffer.from("passkeylab-report-card").toString("base64url"),
      name: "passkeylab report card",
      displayName: "passkeylab report card (safe to delete)",
    });
  });

  it("the passkey step asks for everything: resident key and UV required, direct attestation, five algorithms, three extensions", () => {
    const options = creation("passkey");
    expect(options.authenticatorSelection).toEqual({
      residentKey: "required",
      requireResidentKey: true,
      userVerification: "required",
    });
    expect(options.attestation).toBe("direct");
    expect(options.pubKeyCredParams.map((param) => param.alg)).toEqual([-8, -7, -35, -36, -257]);
    expect(options.extensions).toEqual({
      credProps: true,
      prf: { eval: { first: PRF_SALT } },
      largeBlob: { support: "preferred" },
    });
    expect(options.hints).toBeUndefined();
    expect(options.rp).toEqual(RP);
    expect(options.challenge).toBe(CHALLENGE);
  });

  it("the plain step asks for no resident key and no UV, but still for attestation and the extensions", () => {
    const options = creation("no-passkey");
    expect(options.authenticatorSelection).toEqual({
      residentKey: "discouraged",
      requireResidentKey: false,
      userVerification: "discouraged",
    });
    expect(options.attestation).toBe("direct");
    expect(options.extensions).toEqual({
      credProps: true,
      prf: { eval: { first: PRF_SALT } },
      largeBlob: { support: "preferred" },
    });
  });

  it("the one-option steps each require one of resident key and UV and discourage the other, with credProps to see the result", () => {
    expect(creation("resident-key-only").authenticatorSelection).toEqual({
      residentKey: "required",
      requireResidentKey: true,
      userVerification: "discouraged",
    });
    expect(creation("uv-only").authenticatorSelection).toEqual({
      residentKey: "discouraged",
      requireResidentKey: false,
      userVerification: "required",
    });
    for (const stepId of ["resident-key-only", "uv-only"] as const) {
      const options = creation(stepId);
      expect(options.attestation).toBe("none");
      expect(options.extensions).toEqual({ credProps: true });
      expect(options.pubKeyCredParams.map((param) => param.alg)).toEqual([-8, -7, -35, -36, -257]);
    }
  });

  it("the attestation-none step differs from the plain one only in attestation and extensions", () => {
    const options = creation("attestation-none");
    expect(options.attestation).toBe("none");
    expect(options.authenticatorSelection).toEqual(creation("no-passkey").authenticatorSelection);
    expect(options.extensions).toEqual({ credProps: true });
  });

  it.each([
    ["alg-es256", -7],
    ["alg-eddsa", -8],
    ["alg-rs256", -257],
    ["alg-es384", -35],
    ["alg-es512", -36],
  ] as const)("%s offers only %i", (stepId, alg) => {
    expect(creation(stepId).pubKeyCredParams).toEqual([{ type: "public-key", alg }]);
  });

  it("hints go only with the hint steps, one each", () => {
    expect(creates.filter((id) => creation(id).hints).map((id) => creation(id).hints)).toEqual([
      ["security-key"],
      ["client-device"],
      ["hybrid"],
    ]);
  });

  it("a get lists the page's credentials; the PRF step evaluates the fixed salt", () => {
    const built = buildStepOptions("get-prf", RP, CHALLENGE, [{ id: "AQID", transports: ["usb"] }]);
    expect(built).toEqual({
      ceremony: "get",
      options: {
        rpId: "localhost",
        challenge: CHALLENGE,
        timeout: 120_000,
        userVerification: "preferred",
        allowCredentials: [{ id: "AQID", type: "public-key", transports: ["usb"] }],
        extensions: { prf: { eval: { first: PRF_SALT } } },
      },
    });
    const uv = buildStepOptions("get-uv", RP, CHALLENGE, [{ id: "AQID" }]);
    expect(uv.options).toMatchObject({
      userVerification: "required",
      allowCredentials: [{ id: "AQID", type: "public-key" }],
    });
    expect(uv.options.extensions).toBeUndefined();
  });

  it("each step's summary says what it sends, without the challenge", () => {
    expect(summariseStepOptions(STEPS.passkey)).toEqual([
      "navigator.credentials.create()",
      "residentKey: required",
      "userVerification: required",
      "attestation: direct",
      "algorithms: EdDSA (-8), ES256 (-7), ES384 (-35), ES512 (-36), RS256 (-257)",
      "extensions: credProps, prf (evaluated), largeBlob (support: preferred)",
    ]);
    expect(summariseStepOptions(STEPS["resident-key-only"])).toEqual([
      "navigator.credentials.create()",
      "residentKey: required",
      "userVerification: discouraged",
      "attestation: none",
      "algorithms: EdDSA (-8), ES256 (-7), ES384 (-35), ES512 (-36), RS256 (-257)",
      "extensions: credProps",
    ]);
    expect(summariseStepOptions(STEPS["hint-hybrid"])).toContain("hints: hybrid");
    expect(summariseStepOptions(STEPS["get-prf"])).toContain("extensions: prf (evaluated with a fixed salt)");
  });
});
