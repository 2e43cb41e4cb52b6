// The conformance API end to end, in process: creation options, registration, request options, assertion, with real
// responses from the software authenticator.
import { describe, expect, it } from "vitest";
import { SoftwareAuthenticator, type AttestationFormat } from "@/lib/authenticator";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { newToken } from "@/lib/crypto/tokens";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { post } from "@/test/fido-requests";

const ORIGIN = relyingParty.origins[0];
const username = () => `fido-${newToken(6)}`;

async function creationOptions(name: string, extra: Record<string, unknown> = {}) {
  const answer = await post("/attestation/options", { username: name, displayName: "Test User", ...extra });
  expect(answer.body.status, answer.body.errorMessage).toBe("ok");
  return answer.body as unknown as PublicKeyCredentialCreationOptionsJSON & { status: string; errorMessage: string };
}

async function register(
  name: string,
  authenticator = new SoftwareAuthenticator(),
  attestation: AttestationFormat = "none",
) {
  const options = await creationOptions(name);
  const response = authenticator.register(options, ORIGIN, { attestation });
  const answer = await post("/attestation/result", response);
  expect(answer, answer.body.errorMessage).toMatchObject({ status: 200, body: { status: "ok", errorMessage: "" } });
  return { authenticator, credentialId: response.id };
}

async function requestOptions(name: string, extra: Record<string, unknown> = {}) {
  const answer = await post("/assertion/options", { username: name, ...extra });
  expect(answer.body.status, answer.body.errorMessage).toBe("ok");
  return answer.body as unknown as PublicKeyCredentialRequestOptionsJSON;
}

describe("creation options", () => {
  it("answers ok with rp, a 64-byte user.id, a fresh challenge, every algorithm, and echoes what was asked", async () => {
    const name = username();
    const extensions = { "example.extension": true };
    const authenticatorSelection = {
      requireResidentKey: false,
      authenticatorAttachment: "cross-platform",
      userVerification: "required",
    };
    const options = await creationOptions(name, { attestation: "direct", extensions, authenticatorSelection });
    expect(Object.keys(options).slice(0, 2)).toEqual(["status", "errorMessage"]);
    expect(options).toMatchObject({
      errorMessage: "",
      rp: { id: relyingParty.id, name: relyingParty.name },
      user: { name, displayName: "Test User" },
      attestation: "direct",
      extensions,
      authenticatorSelection,
      excludeCredentials: [],
    });
    expect(Buffer.from(options.user.id, "base64url")).toHaveLength(64);
    expect(Buffer.from(options.challenge, "base64url").length).toBeGreaterThanOrEqual(16);
    expect(options.pubKeyCredParams.map((param) => param.alg)).toEqual(
      expect.arrayContaining([-7, -257, -65535, -8, -37]),
    );
    expect(options.timeout).toBeGreaterThan(0);
    const again = await creationOptions(name);
    expect(again.challenge).not.toBe(options.challenge);
    expect(again.user.id).toBe(options.user.id);
    expect(again).toMatchObject({ attestation: "none", authenticatorSelection: { userVerification: "preferred" } });
  });

  it("lists the user's credentials in excludeCredentials", async () => {
    const name = username();
    const { credentialId } = await register(name);
    const options = await creationOptions(name);
    expect(options.excludeCredentials).toEqual([{ type: "public-key", id: credentialId, transports: ["internal"] }]);
  });
});

describe("registration and assertion", () => {
  it("registers, then signs in with exactly the user's credentials allowed, echoing userVerification and extensions", async () => {
    const name = username();
    const { authenticator, credentialId } = await register(name, new SoftwareAuthenticator(), "packed-self");
    await register(username()); // someone else's credential is never listed
    const options = await requestOptions(name, {
      userVerification: "required",
      extensions: { "example.extension": "test" },
    });
    expect(options).toMatchObject({
      rpId: relyingParty.id,
      userVerification: "required",
      extensions: { "example.extension": "test" },
      allowCredentials: [{ type: "public-key", id: credentialId, transports: ["internal"] }],
    });
    const answer = await post("/assertion/result", authenticator.authenticate(options, ORIGIN));
    expect(answer).toEqual({ status: 200, body: { status: "ok", errorMessage: "" } });
  });

  it("accepts a response once: the replay fails on its spent challenge", async () => {
    const name = username();
    const options = await creationOptions(name);
    const response = new SoftwareAuthenticator().register(options, ORIGIN);
    expect((await post("/attestation/result", response)).status).toBe(200);
    const replay = await post("/attestation/result", response);
    expect(replay).toMatchObject({ status: 400, body: { status: "failed" } });
    expect(replay.body.errorMessage).toMatch(/not an open registration challenge/);
  });

  it("says which user is unknown at /assertion/options", async () => {
    const answer = await post("/assertion/options", { username: "nobody-at-all" });
    expect(answer).toMatchObject({ status: 400, body: { status: "failed" } });
    expect(answer.body.errorMessage).toMatch(/No user "nobody-at-all"/);
  });
});
