// The W3C WebAuthn Level 3 §16 test vectors: each registration, then an authentication with the key it registered.
import { describe, expect, it } from "vitest";
import { inspectResponse } from "./inspect-response";
import type { InspectInput, InspectResult } from "./types";
import { w3cVectors, type Vector } from "./vectors";

const inputFor = (vector: Vector, extra: Partial<InspectInput> = {}): InspectInput => ({
  response: structuredClone(vector.response),
  expectedChallenge: vector.expected.challenge,
  expectedOrigin: [vector.expected.origin],
  expectedRPID: vector.expected.rpId,
  expectedTopOrigin: vector.expected.topOrigin ? [vector.expected.topOrigin] : undefined,
  credentialPublicKey: vector.expected.credentialPublicKey,
  storedSignCount: vector.expected.storedSignCount,
  ...extra,
});
const failed = (result: InspectResult) =>
  result.steps.filter((item) => item.ok === false && !item.advisory).map((item) => item.id);
const step = (result: InspectResult, id: string) => result.steps.find((item) => item.id === id);

describe("W3C §16 test vectors", () => {
  it.each(Object.keys(w3cVectors))("%s: the registration and the authentication are valid", async (name) => {
    const { registration, authentication } = w3cVectors[name];
    const registered = await inspectResponse(inputFor(registration), "registration");
    expect(failed(registered)).toEqual([]);
    expect(registered.verdict).toBe("valid");
    const signedIn = await inspectResponse(inputFor(authentication), "authentication");
    expect(failed(signedIn)).toEqual([]);
    expect(signedIn.verdict).toBe("valid");
    expect(step(signedIn, "signature")?.ok).toBe(true);
  });

  it("§16.3: self attestation, with BE and BS set", async () => {
    const result = await inspectResponse(inputFor(w3cVectors.packedSelfEs256.registration), "registration");
    expect((result.decoded.attestation as { attestationType: string }).attestationType).toBe("self");
    const flags = (
      result.decoded.authenticatorData as { flags: { value: string; bits: { name: string; set: boolean }[] } }
    ).flags;
    expect(flags.value).toBe("0x5d");
    expect(flags.bits.filter((bit) => bit.set).map((bit) => bit.name)).toEqual(["UP", "UV", "BE", "BS", "AT"]);
  });

  it("§16.5: a framed ceremony is valid only where a top origin is expected", async () => {
    const { registration } = w3cVectors.topOriginEs256;
    const expected = await inspectResponse(inputFor(registration), "registration");
    expect(step(expected, "top-origin")).toMatchObject({ ok: true, spec: "§7.1 step 11" });
    const notExpected = await inspectResponse(inputFor(registration, { expectedTopOrigin: undefined }), "registration");
    expect(failed(notExpected)).toEqual(["cross-origin", "top-origin"]);
    const other = await inspectResponse(
      inputFor(registration, { expectedTopOrigin: ["https://example.net"] }),
      "registration",
    );
    expect(failed(other)).toEqual(["top-origin"]);
  });

  it("§16.11: an Ed25519 credential with packed attestation by the W3C test CA", async () => {
    const result = await inspectResponse(inputFor(w3cVectors.packedEd25519.registration), "registration");
    const key = (result.decoded.authenticatorData as { attestedCredentialData: { credentialPublicKey: object } })
      .attestedCredentialData.credentialPublicKey;
    expect(key).toMatchObject({ kty: "OKP (1)", alg: "EdDSA (-8)", crv: "Ed25519 (6)" });
    const certificate = (result.decoded.attestation as { certificates: { subject: string; issuer: string }[] })
      .certificates[0];
    expect(certificate.subject).toBe("CN=WebAuthn test vectors, O=W3C, OU=Authenticator Attestation, C=AA");
    expect(certificate.issuer).toBe("CN=WebAuthn test vectors, O=W3C, OU=Authenticator Attestation CA, C=AA");
    // The W3C test CA is no root this server trusts: shown, but it decides only when trust is required.
    expect(step(result, "attestation-trust")).toMatchObject({ ok: false, advisory: true });
    const strict = await inspectResponse(
      inputFor(w3cVectors.packedEd25519.registration, { requireTrustedAttestation: true }),
      "registration",
    );
    expect(failed(strict)).toEqual(["attestation-trust"]);
  });

  it("§16.2: a changed signature byte or a counter not above the stored one is invalid", async () => {
    const { authentication } = w3cVectors.noneEs256;
    const vector = structuredClone(authentication);
    const inner = vector.response.response as { signature: string };
    const signature = Buffer.from(inner.signature, "base64url");
    signature[10] ^= 0x80;
    inner.signature = signature.toString("base64url");
    expect(failed(await inspectResponse(inputFor(vector), "authentication"))).toEqual(["signature"]);
    // Both 0 is fine; a stored 1 with a received 0 is not (§7.2 step 23).
    expect(failed(await inspectResponse(inputFor(authentication, { storedSignCount: 1 }), "authentication"))).toEqual([
      "sign-count",
    ]);
  });
});
