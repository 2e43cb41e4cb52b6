// Every attestation format and algorithm the authenticator makes, checked by an independent verifier (SimpleWebAuthn).
import { afterEach, describe, expect, it } from "vitest";
import { SettingsService } from "@simplewebauthn/server";
import { ALGORITHM_NAMES, coseAlgorithmId, type AlgorithmName } from "./cose";
import type { AttestationFormat } from "./attestation";
import { SoftwareAuthenticator } from "./software-authenticator";
import { createCertificateAuthority, toPem } from "./test-ca";
import {
  ALL_ALGORITHM_IDS,
  creationOptions,
  ORIGIN,
  requestOptions,
  trustTestCa,
  verifyAuthentication,
  verifyRegistration,
} from "./test-support/simplewebauthn-oracle";

trustTestCa();
afterEach(trustTestCa);

/** Registers, then signs in twice; both ceremonies must verify and the counter must go 0 -> 1 -> 2. */
async function registerAndSignIn(format: AttestationFormat, algorithm: AlgorithmName) {
  const authenticator = new SoftwareAuthenticator({
    attestation: format,
    aaguid: "6c0a4a8e-3b9d-4c1e-9f5a-2d7b8e1f0a3c",
  });
  const registration = await verifyRegistration(
    authenticator.register(creationOptions(ALL_ALGORITHM_IDS), ORIGIN, { algorithm }),
  );
  if (!registration.verified) throw new Error(`registration refused: ${registration.reason}`);
  expect(registration.info.credential.counter).toBe(0);
  let credential = registration.info.credential;
  for (const expected of [1, 2]) {
    const signIn = await verifyAuthentication(
      authenticator.authenticate(requestOptions([credential.id]), ORIGIN),
      credential,
    );
    if (!signIn.verified) throw new Error(`authentication refused: ${signIn.reason}`);
    expect(signIn.info.newCounter).toBe(expected);
    credential = { ...credential, counter: signIn.info.newCounter };
  }
  return registration.info;
}

describe("attestation formats and algorithms, verified by SimpleWebAuthn", () => {
  it.each(ALGORITHM_NAMES)("none with %s", async (algorithm) => {
    const info = await registerAndSignIn("none", algorithm);
    expect(info.fmt).toBe("none");
    expect(info.aaguid).toBe("6c0a4a8e-3b9d-4c1e-9f5a-2d7b8e1f0a3c");
  });

  it.each(ALGORITHM_NAMES)("packed self attestation with %s", async (algorithm) => {
    expect((await registerAndSignIn("packed-self", algorithm)).fmt).toBe("packed");
  });

  it.each(ALGORITHM_NAMES)("packed full attestation (x5c to the test root) for a %s credential", async (algorithm) => {
    expect((await registerAndSignIn("packed-full", algorithm)).fmt).toBe("packed");
  });

  it("fido-u2f with ES256 and an all-zero AAGUID", async () => {
    const info = await registerAndSignIn("fido-u2f", "ES256");
    expect(info.fmt).toBe("fido-u2f");
    expect(info.aaguid).toBe("00000000-0000-0000-0000-000000000000");
  });

  it.each(["ES256", "ES384", "ES512"] as const)("apple anonymous attestation with %s", async (algorithm) => {
    expect((await registerAndSignIn("apple", algorithm)).fmt).toBe("apple");
  });

  it.each(["packed-full", "fido-u2f", "apple"] as const)(
    "%s chains really are checked: refused when another root is trusted",
    async (format) => {
      const stranger = createCertificateAuthority({ C: "US", O: "Elsewhere", CN: "Some Other Root" });
      SettingsService.setRootCertificates({
        identifier: format === "packed-full" ? "packed" : format,
        certificates: [toPem(stranger.certificateDer)],
      });
      const response = new SoftwareAuthenticator({ attestation: format }).register(creationOptions(), ORIGIN);
      const outcome = await verifyRegistration(response);
      expect(outcome.verified || outcome.reason).toMatch(/could not be chained to any specified trust anchor/);
    },
  );

  it("SimpleWebAuthn's default algorithm list takes EdDSA, ES256 and RS256 only; the rest need supportedAlgorithmIDs", async () => {
    const accepted: AlgorithmName[] = [];
    for (const algorithm of ALGORITHM_NAMES) {
      const response = new SoftwareAuthenticator().register(creationOptions([coseAlgorithmId(algorithm)]), ORIGIN);
      const outcome = await verifyRegistration(response, { supportedAlgorithmIDs: [-8, -7, -257] });
      if (outcome.verified) accepted.push(algorithm);
      else expect(outcome.reason).toMatch(/Unexpected public key alg/);
    }
    expect(accepted.sort()).toEqual(["ES256", "EdDSA", "RS256"]);
  });
});

describe("algorithm choice", () => {
  const chosenAlgorithm = (offered: number[], options: ConstructorParameters<typeof SoftwareAuthenticator>[0] = {}) => {
    const authenticator = new SoftwareAuthenticator(options);
    return authenticator.credential(authenticator.register(creationOptions(offered), ORIGIN).id).algorithm;
  };

  it("takes the first offered algorithm it supports, skipping unknown ones", () => {
    expect(chosenAlgorithm([-999, -48, -8, -7])).toBe("EdDSA");
    expect(chosenAlgorithm([-37, -7])).toBe("PS256");
    expect(chosenAlgorithm([-65535])).toBe("RS1");
  });

  it("falls back to ES256 when pubKeyCredParams is empty (WebAuthn L3 §5.1.3)", () => {
    expect(chosenAlgorithm([])).toBe("ES256");
  });

  it("skips algorithms the attestation format cannot carry", () => {
    expect(chosenAlgorithm([-257, -8, -7], { attestation: "fido-u2f" })).toBe("ES256");
    expect(chosenAlgorithm([-257, -8, -35], { attestation: "apple" })).toBe("ES384");
  });

  it("uses a forced algorithm even when it was not offered (to test the server's check)", async () => {
    const response = new SoftwareAuthenticator({ algorithm: "ES384" }).register(creationOptions([-7]), ORIGIN);
    const outcome = await verifyRegistration(response, { supportedAlgorithmIDs: [-7] });
    expect(outcome.verified || outcome.reason).toMatch(/Unexpected public key alg "-35"/);
  });

  it("answers NotSupportedError when nothing offered fits", () => {
    expect(() => chosenAlgorithm([-999])).toThrow(/NotSupportedError/);
    expect(() => chosenAlgorithm([-257], { attestation: "fido-u2f" })).toThrow(/NotSupportedError/);
    expect(() => chosenAlgorithm([-7], { attestation: "fido-u2f", algorithm: "RS256" })).toThrow(
      /fido-u2f cannot attest RS256/,
    );
  });
});
