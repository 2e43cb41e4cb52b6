// Registration responses captured by public WebAuthn libraries' test suites, judged step by step.
import { decodeCBOR, encodeCBOR, type CBORType } from "@levischuck/tiny-cbor";
import { describe, expect, it } from "vitest";
import { detectCeremony, inspectResponse } from "./inspect-response";
import type { InspectInput, InspectResult } from "./types";
import { vectors, w3cVectors, type Vector } from "./vectors";

const inputFor = (vector: Vector, extra: Partial<InspectInput> = {}): InspectInput => ({
  response: structuredClone(vector.response),
  expectedChallenge: vector.expected.challenge,
  expectedOrigin: [vector.expected.origin],
  expectedRPID: vector.expected.rpId,
  now: vector.capturedAt ? Date.parse(vector.capturedAt) : undefined,
  ...extra,
});
const inspect = (vector: Vector, extra: Partial<InspectInput> = {}) =>
  inspectResponse(inputFor(vector, extra), "registration");
const step = (result: InspectResult, id: string) => result.steps.find((item) => item.id === id);
const failed = (result: InspectResult) =>
  result.steps.filter((item) => item.ok === false && !item.advisory).map((item) => item.id);

describe("registration vectors", () => {
  it.each(["packedFull", "packedSelf", "fidoU2f", "none", "androidKey", "apple", "tpm"])(
    "%s is valid as of its capture day",
    async (name) => {
      const result = await inspect(vectors[name]);
      expect(failed(result)).toEqual([]);
      expect(result.verdict).toBe("valid");
      expect(step(result, "attestation-statement")?.ok).toBe(true);
    },
  );

  it("decodes the packed full attestation: flags, AAGUID and provider, fmt, certificate subject", async () => {
    const result = await inspect(vectors.packedFull);
    const authData = result.decoded.authenticatorData as {
      flags: { bits: { name: string; set: boolean }[] };
      signCount: number;
      attestedCredentialData: { aaguid: string; provider: string; credentialPublicKey: { alg: string } };
    };
    expect(authData.flags.bits.filter((bit) => bit.set).map((bit) => bit.name)).toEqual(["UP", "UV", "AT"]);
    expect(authData.signCount).toBe(1);
    expect(authData.attestedCredentialData.aaguid).toBe("01020304-0506-0708-0102-030405060708");
    expect(authData.attestedCredentialData.provider).toBe("Chromium virtual authenticator");
    expect(authData.attestedCredentialData.credentialPublicKey.alg).toBe("ES256 (-7)");
    const attestation = result.decoded.attestation as {
      fmt: string;
      attestationType: string;
      certificates: { subject: string; issuer: string; extensions: { name: string }[] }[];
    };
    expect(attestation.fmt).toBe("packed");
    expect(attestation.attestationType).toBe("basic or AttCA");
    expect(attestation.certificates[0].subject).toBe(
      "C=US, O=Chromium, OU=Authenticator Attestation, CN=Batch Certificate",
    );
    expect(attestation.certificates[0].extensions.map((extension) => extension.name)).toContain("basicConstraints");
  });

  it("names the U2F key's certificate and its zero AAGUID", async () => {
    const result = await inspect(vectors.fidoU2f);
    const attestation = result.decoded.attestation as {
      certificates: { subject: string; issuer: string; notAfter: string }[];
    };
    expect(attestation.certificates[0].subject).toContain("CN=Yubico U2F EE Serial 719807075");
    expect(attestation.certificates[0].issuer).toBe("CN=Yubico U2F Root CA Serial 457200631");
    expect(attestation.certificates[0].notAfter).toBe("2050-09-04T00:00:00.000Z");
    expect(
      (result.decoded.authenticatorData as { attestedCredentialData: { aaguid: string } }).attestedCredentialData
        .aaguid,
    ).toBe("00000000-0000-0000-0000-000000000000");
  });

  it("judges certificates as of `now`: the TPM's AIK certificate expired on 2025-01-31", async () => {
    const today = await inspect(vectors.tpm, { now: Date.parse("2026-01-01T00:00:00Z") });
    expect(today.verdict).toBe("invalid");
    expect(failed(today)).toEqual(["certificate-validity"]);
    // SimpleWebAuthn refuses it by today's clock in any case; our own steps decide and say so.
    expect(step(today, "library-verdict")?.message).toMatch(/not good after/);
    const then = await inspect(vectors.tpm);
    expect(then.verdict).toBe("valid");
    expect(step(then, "library-verdict")).toMatchObject({ advisory: true, ok: false });
    expect(step(then, "library-verdict")?.message).toMatch(/the inspector's own checks decide \(valid\)/);
  });

  it("checks an Apple attestation against Apple's root as of its day, and keeps trust apart from the verdict", async () => {
    const result = await inspect(vectors.apple);
    expect(step(result, "attestation-trust")).toMatchObject({ ok: true, advisory: true });
    expect(step(result, "attestation-trust")?.message).toMatch(/Apple's attestation roots/);
    const dayAfter = await inspect(vectors.apple, { now: Date.parse("2020-09-15T00:00:00Z") });
    expect(failed(dayAfter)).toEqual(["certificate-validity"]);
  });

  it("reports the Android key chain as untrusted (a FIDO test root, not Google's) and fails only when trust is required", async () => {
    const relaxed = await inspect(vectors.androidKey);
    expect(relaxed.verdict).toBe("valid");
    expect(step(relaxed, "attestation-trust")).toMatchObject({ ok: false, advisory: true });
    const strict = await inspect(vectors.androidKey, { requireTrustedAttestation: true });
    expect(strict.verdict).toBe("invalid");
    expect(failed(strict)).toEqual(["attestation-trust"]);
  });

  it("is incomplete without expected values, naming what is missing", async () => {
    const result = await inspectResponse({ response: structuredClone(vectors.none.response) }, "registration");
    expect(result.verdict).toBe("incomplete");
    expect(result.steps.filter((item) => item.ok === null && !item.advisory).map((item) => item.id)).toEqual([
      "challenge",
      "origin",
      "rp-id-hash",
    ]);
  });

  it("finds the ceremony from the fields", () => {
    expect(detectCeremony(vectors.none.response)).toBe("registration");
    expect(detectCeremony(vectors.authenticationEs256.response)).toBe("authentication");
    expect(detectCeremony({ response: {} })).toBeUndefined();
  });
});

describe("mutated registrations are invalid", () => {
  it("a changed challenge, origin or RP ID fails that step alone", async () => {
    expect(failed(await inspect(vectors.none, { expectedChallenge: "c29tZXRoaW5nLWVsc2U" }))).toEqual(["challenge"]);
    expect(failed(await inspect(vectors.none, { expectedOrigin: ["https://evil.example"] }))).toEqual(["origin"]);
    expect(failed(await inspect(vectors.none, { expectedRPID: "evil.example" }))).toEqual(["rp-id-hash"]);
  });

  it("a flipped signature byte fails the attestation statement", async () => {
    const vector = structuredClone(vectors.packedFull);
    const inner = vector.response.response as { attestationObject: string };
    const bytes = Buffer.from(inner.attestationObject, "base64url");
    bytes[40] ^= 0x01; // inside attStmt.sig
    inner.attestationObject = bytes.toString("base64url");
    const result = await inspect(vector);
    expect(result.verdict).toBe("invalid");
    expect(step(result, "attestation-statement")?.ok).toBe(false);
  });

  it("requires UV when asked, and the packed full vector has it while the U2F key does not", async () => {
    expect(failed(await inspect(vectors.fidoU2f, { requireUserVerification: true }))).toEqual(["user-verified"]);
    expect((await inspect(vectors.packedFull, { requireUserVerification: true })).verdict).toBe("valid");
  });
});

describe("attestation statements the specification forbids", () => {
  const withStatement = (vector: Vector, change: (object: Map<string, CBORType>) => void) => {
    const copy = structuredClone(vector);
    const inner = copy.response.response as { attestationObject: string };
    const object = decodeCBOR(new Uint8Array(Buffer.from(inner.attestationObject, "base64url"))) as Map<
      string,
      CBORType
    >;
    change(object);
    inner.attestationObject = Buffer.from(encodeCBOR(object)).toString("base64url");
    return copy;
  };

  it("packed self attestation whose alg is not the credential key's (§8.2)", async () => {
    const vector = withStatement(w3cVectors.packedSelfEs256.registration, (object) =>
      (object.get("attStmt") as Map<string, CBORType>).set("alg", -257),
    );
    const result = await inspect(vector);
    expect(failed(result)).toEqual(["attestation-statement"]);
    expect(step(result, "attestation-statement")?.message).toBe(
      "self attestation alg -257 differs from the credential key's alg -7",
    );
  });

  it("fmt none with a statement inside (§8.7)", async () => {
    const vector = withStatement(vectors.none, (object) =>
      object.set("attStmt", new Map<string, CBORType>([["sig", new Uint8Array([1, 2, 3])]])),
    );
    expect(failed(await inspect(vector))).toEqual(["attestation-statement"]);
  });

  it("an unregistered format", async () => {
    const vector = withStatement(vectors.none, (object) => object.set("fmt", "fizzbuzz"));
    const result = await inspect(vector);
    expect(failed(result)).toEqual(["attestation-format"]);
    expect(step(result, "attestation-statement")?.ok).toBeNull();
  });
});
