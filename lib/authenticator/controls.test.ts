// Flags, counters, credential ids, clientDataJSON, user handles and extensions under the caller's control.
import { describe, expect, it } from "vitest";
import { decodeCBOR } from "@levischuck/tiny-cbor";
import { SoftwareAuthenticator } from "./software-authenticator";
import {
  creationOptions,
  ORIGIN,
  registeredCredential,
  requestOptions,
  USER_ID,
  verifyAuthentication,
  verifyRegistration,
} from "./test-support/simplewebauthn-oracle";

const authDataOfRegistration = (attestationObject: string): Buffer => {
  const decoded = decodeCBOR(new Uint8Array(Buffer.from(attestationObject, "base64url")));
  if (!(decoded instanceof Map)) throw new Error("attestation object is not a map");
  return Buffer.from(decoded.get("authData") as Uint8Array);
};
const clientDataOf = (clientDataJSON: string) =>
  JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")) as Record<string, unknown>;

describe("flags", () => {
  it("sets UP, UV, AT by default and BE/BS on request, which SimpleWebAuthn reads as a synced passkey", async () => {
    const authenticator = new SoftwareAuthenticator();
    const plain = authenticator.register(creationOptions(), ORIGIN);
    expect(authDataOfRegistration(plain.response.attestationObject)[32]).toBe(0x45);
    const synced = await verifyRegistration(authenticator.register(creationOptions(), ORIGIN, { be: true, bs: true }));
    expect(synced.verified && [synced.info.credentialDeviceType, synced.info.credentialBackedUp]).toEqual([
      "multiDevice",
      true,
    ]);
  });

  it("reports UV=0 when asked, which a UV-requiring verifier refuses and a UV-preferred one accepts", async () => {
    const response = new SoftwareAuthenticator().register(creationOptions(), ORIGIN, { uv: false });
    expect((await verifyRegistration(response)).verified).toBe(false);
    const relaxed = await verifyRegistration(response, { requireUserVerification: false });
    expect(relaxed.verified && relaxed.info.userVerified).toBe(false);
  });

  it("appends extension outputs with the ED flag, and SimpleWebAuthn decodes them (FIDO Resp-3 P-1)", async () => {
    const authenticator = new SoftwareAuthenticator({ attestation: "packed-self" });
    const extensions = new Map([["credProtect", 2]]);
    const registration = await verifyRegistration(authenticator.register(creationOptions(), ORIGIN, { extensions }));
    expect(registration.verified && registration.info.authenticatorExtensionResults).toEqual({ credProtect: 2 });
    if (!registration.verified) return;
    const assertion = authenticator.authenticate(requestOptions(), ORIGIN, { extensions });
    expect(Buffer.from(assertion.response.authenticatorData, "base64url")[32] & 0x80).toBe(0x80);
    const signIn = await verifyAuthentication(assertion, registration.info.credential);
    expect(signIn.verified && signIn.info.authenticatorExtensionResults).toEqual({ credProtect: 2 });
  });

  it("can set AT or ED without the data behind them", () => {
    const authenticator = new SoftwareAuthenticator();
    authenticator.register(creationOptions(), ORIGIN);
    const assertion = authenticator.authenticate(requestOptions(), ORIGIN, { flags: { at: true, ed: true } });
    const authData = Buffer.from(assertion.response.authenticatorData, "base64url");
    expect([authData.length, authData[32]]).toEqual([37, 0xc5]);
  });
});

describe("signature counter", () => {
  it("counts up by default, takes an explicit value, and stays 0 in zero mode", async () => {
    const counting = new SoftwareAuthenticator();
    const credential = await registeredCredential(counting.register(creationOptions(), ORIGIN));
    const counter = (authenticator: SoftwareAuthenticator, signCount?: number) =>
      Buffer.from(
        authenticator.authenticate(requestOptions(), ORIGIN, { signCount }).response.authenticatorData,
        "base64url",
      ).readUInt32BE(33);
    expect([counter(counting), counter(counting), counter(counting, 41), counter(counting)]).toEqual([1, 2, 41, 42]);

    const zero = new SoftwareAuthenticator({ signCountMode: "zero" });
    const zeroCredential = await registeredCredential(zero.register(creationOptions(), ORIGIN));
    expect([counter(zero), counter(zero)]).toEqual([0, 0]);
    // Both counters 0 is fine for a verifier (WebAuthn L3 §7.2 step 22).
    expect((await verifyAuthentication(zero.authenticate(requestOptions(), ORIGIN), zeroCredential)).verified).toBe(
      true,
    );
    const next = await verifyAuthentication(counting.authenticate(requestOptions(), ORIGIN), {
      ...credential,
      counter: 42,
    });
    expect(next.verified && next.info.newCounter).toBe(43);
  });
});

describe("credential ids and user handles", () => {
  it.each([1023, 1024])(
    "makes credential ids of %i bytes (SimpleWebAuthn itself does not cap the length)",
    async (length) => {
      const response = new SoftwareAuthenticator({ attestation: "packed-self" }).register(creationOptions(), ORIGIN, {
        credentialIdLength: length,
      });
      expect(Buffer.from(response.rawId, "base64url")).toHaveLength(length);
      expect(authDataOfRegistration(response.response.attestationObject).readUInt16BE(53)).toBe(length);
      expect((await verifyRegistration(response)).verified).toBe(true);
    },
  );

  it("returns the user handle from registration, or another one, or none", () => {
    const authenticator = new SoftwareAuthenticator();
    authenticator.register(creationOptions(), ORIGIN);
    expect(authenticator.authenticate(requestOptions(), ORIGIN).response.userHandle).toBe(USER_ID);
    expect(authenticator.authenticate(requestOptions(), ORIGIN, { userHandle: "b3RoZXI" }).response.userHandle).toBe(
      "b3RoZXI",
    );
    expect("userHandle" in authenticator.authenticate(requestOptions(), ORIGIN, { userHandle: null }).response).toBe(
      false,
    );
  });

  it("signs with the allowed or the named credential, and answers NotAllowedError when it has none", () => {
    const authenticator = new SoftwareAuthenticator();
    const first = authenticator.register(creationOptions(), ORIGIN).id;
    const second = authenticator.register(creationOptions(), ORIGIN).id;
    expect(authenticator.authenticate(requestOptions([second]), ORIGIN).id).toBe(second);
    expect(authenticator.authenticate(requestOptions(), ORIGIN, { credentialId: first }).id).toBe(first);
    expect(() => authenticator.authenticate(requestOptions(["bm90LW91cnM"]), ORIGIN)).toThrow(/NotAllowedError/);
    expect(() => authenticator.authenticate({ challenge: "AAAA", rpId: "elsewhere.test" }, ORIGIN)).toThrow(
      /NotAllowedError/,
    );
  });

  it("honours excludeCredentials only when asked to, like a real authenticator", () => {
    const strict = new SoftwareAuthenticator({ honorExcludeCredentials: true });
    const id = strict.register(creationOptions(), ORIGIN).id;
    const excluding = { ...creationOptions(), excludeCredentials: [{ id, type: "public-key" as const }] };
    expect(() => strict.register(excluding, ORIGIN)).toThrow(/InvalidStateError/);
    const lenient = new SoftwareAuthenticator();
    const lenientId = lenient.register(creationOptions(), ORIGIN).id;
    expect(() =>
      lenient.register({ ...excluding, excludeCredentials: [{ id: lenientId, type: "public-key" }] }, ORIGIN),
    ).not.toThrow();
  });
});

describe("clientDataJSON", () => {
  it("writes type, challenge, origin, crossOrigin first, in the browser's order", () => {
    const response = new SoftwareAuthenticator().register(creationOptions(), ORIGIN);
    expect(Object.keys(clientDataOf(response.response.clientDataJSON))).toEqual([
      "type",
      "challenge",
      "origin",
      "crossOrigin",
    ]);
  });

  it("takes overrides for every member plus extra ones", () => {
    const authenticator = new SoftwareAuthenticator();
    authenticator.register(creationOptions(), ORIGIN);
    const clientData = {
      type: "webauthn.create",
      challenge: "b3RoZXI",
      origin: "https://other.test",
      crossOrigin: true,
      topOrigin: "https://top.test",
      tokenBinding: { status: "present", id: "dG9rZW4" },
      extra: { other_keys_can_be_added_here: "do not compare clientDataJSON against a template" },
    };
    const response = authenticator.authenticate(requestOptions(), ORIGIN, { clientData });
    const { extra, ...standard } = clientData;
    expect(clientDataOf(response.response.clientDataJSON)).toEqual({ ...standard, ...extra });
  });
});
