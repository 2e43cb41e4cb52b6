// The inspector judged against what the relying party asked for (issue 15 item 6), on real responses made by the
// software authenticator: conditional create's UP=0, the challenge, pubKeyCredParams, userVerification and
// allowCredentials from the options; the credential public key as COSE or as SPKI (what toJSON() gives).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SoftwareAuthenticator } from "@/lib/authenticator";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { decodeCborItem } from "./safe-cbor";
import { coseKeyToKeyObject, type CoseKey } from "./decode-cose-key";
import { handleInspectRequest } from "./handle-inspect-request";
import type { InspectResult } from "./types";

const ORIGIN = "https://shop.example";
const RP_ID = "shop.example";
const challenge = () => randomBytes(32).toString("base64url");

const creationOptions = (overrides: Partial<PublicKeyCredentialCreationOptionsJSON> = {}) =>
  ({
    challenge: challenge(),
    rp: { id: RP_ID, name: "Shop" },
    user: { id: randomBytes(16).toString("base64url"), name: "ada@shop.example", displayName: "Ada" },
    pubKeyCredParams: [{ type: "public-key", alg: -7 }],
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
    ...overrides,
  }) satisfies PublicKeyCredentialCreationOptionsJSON;

async function inspect(
  body: Record<string, unknown>,
): Promise<{ status: number; json: InspectResult & { code?: string; message?: string } }> {
  const answer = await handleInspectRequest(
    new Request("http://localhost/api/inspect", {
      method: "POST",
      body: JSON.stringify({ expectedOrigin: ORIGIN, ...body }),
      headers: { "content-type": "application/json" },
    }),
  );
  return { status: answer.status, json: await answer.json() };
}
const step = (result: InspectResult, id: string) => result.steps.find((item) => item.id === id);

describe("registration judged against its options", () => {
  it("accepts UP=0 only for a conditional create", async () => {
    const authenticator = new SoftwareAuthenticator();
    const options = creationOptions();
    const response = authenticator.register(options, ORIGIN, { up: false, uv: false });

    const conditional = await inspect({ response, options, mediation: "conditional" });
    expect(conditional.status).toBe(200);
    expect(conditional.json.verdict).toBe("valid");
    expect(step(conditional.json, "user-present")).toMatchObject({ ok: true, spec: "§7.1 step 15" });
    expect(step(conditional.json, "library-verdict")).toMatchObject({ ok: true });

    const ordinary = await inspect({ response, options });
    expect(ordinary.json.verdict).toBe("invalid");
    expect(step(ordinary.json, "user-present")?.message).toMatch(
      /only a registration asked with mediation "conditional"/,
    );
  });

  it("checks the challenge, the algorithm and user verification against the options", async () => {
    const authenticator = new SoftwareAuthenticator({ algorithm: "ES384" });
    const options = creationOptions({ authenticatorSelection: { userVerification: "required" } });
    const response = authenticator.register(options, ORIGIN, { uv: false });

    const result = (await inspect({ response, options })).json;
    expect(result.verdict).toBe("invalid");
    expect(step(result, "challenge")).toMatchObject({ ok: true });
    expect(step(result, "rp-id-hash")).toMatchObject({ ok: true }); // the RP ID came from options.rp.id
    expect(step(result, "credential-alg")).toMatchObject({
      ok: false,
      message: "the credential key's alg is ES384 (-35), which pubKeyCredParams did not offer (ES256)",
    });
    expect(step(result, "user-verified")?.message).toBe(
      'UV is not set, and the options asked for userVerification: "required"',
    );

    const otherChallenge = (await inspect({ response, options: { ...options, challenge: challenge() } })).json;
    expect(step(otherChallenge, "challenge")).toMatchObject({ ok: false });
  });

  it("offers the registered key and counter for the next step", async () => {
    const authenticator = new SoftwareAuthenticator();
    const options = creationOptions();
    const response = authenticator.register(options, ORIGIN);
    const result = (await inspect({ response, options })).json;
    expect(result.verdict).toBe("valid");
    expect(result.credential).toMatchObject({ id: response.id, signCount: 0 });
    const stored = authenticator.credential(response.id).publicKey.export({ format: "jwk" });
    const { value } = decodeCborItem(Buffer.from(result.credential!.publicKey, "base64url"));
    const offered = coseKeyToKeyObject(value as CoseKey);
    expect(offered.ok && offered.key.export({ format: "jwk" })).toEqual(stored);
  });
});

describe("authentication judged against its options and a key in either form", () => {
  async function registered() {
    const authenticator = new SoftwareAuthenticator();
    const options = creationOptions();
    const registration = authenticator.register(options, ORIGIN);
    const { json } = await inspect({ response: registration, options });
    const cose = json.credential!.publicKey;
    const spki = authenticator.credential(registration.id).publicKey.export({ type: "spki", format: "der" });
    return { authenticator, id: registration.id, cose, spki: Buffer.from(spki).toString("base64url") };
  }
  const requestOptions = (allowCredentials?: string[]): PublicKeyCredentialRequestOptionsJSON => ({
    challenge: challenge(),
    rpId: RP_ID,
    userVerification: "required",
    ...(allowCredentials
      ? { allowCredentials: allowCredentials.map((id) => ({ id, type: "public-key" as const })) }
      : {}),
  });

  it("is valid with the COSE key, and with the SPKI key toJSON() gives", async () => {
    const { authenticator, id, cose, spki } = await registered();
    for (const key of [cose, spki]) {
      const options = requestOptions([id]);
      const response = authenticator.authenticate(options, ORIGIN);
      const result = (await inspect({ response, options, credentialPublicKey: key, storedSignCount: 0 })).json;
      expect(result.verdict).toBe("valid");
      expect(step(result, "allow-credentials")).toMatchObject({ ok: true, spec: "§7.2 step 5" });
      expect(step(result, "signature")).toMatchObject({ ok: true });
      expect(step(result, "library-verdict")).toMatchObject({ ok: true });
    }
  });

  it("fails a credential the options did not allow, and UV=0 where the options required it", async () => {
    const { authenticator, cose } = await registered();
    const asked = requestOptions();
    const response = authenticator.authenticate(asked, ORIGIN, { flags: { uv: false } });
    const options = { ...asked, allowCredentials: [{ id: randomBytes(32).toString("base64url"), type: "public-key" }] };
    const result = (await inspect({ response, options, credentialPublicKey: cose, storedSignCount: 0 })).json;
    expect(result.verdict).toBe("invalid");
    expect(step(result, "allow-credentials")?.message).toMatch(/is not among the 1 allowCredentials/);
    expect(step(result, "user-verified")).toMatchObject({ ok: false });
  });

  it("answers a key in neither form, and options that contradict the rest, as input errors", async () => {
    const { authenticator } = await registered();
    const options = requestOptions();
    const response = authenticator.authenticate(options, ORIGIN);
    const badKey = await inspect({
      response,
      options,
      credentialPublicKey: Buffer.from("not a key").toString("base64url"),
    });
    expect(badKey).toMatchObject({ status: 400, json: { code: "inspect:bad-public-key" } });
    const notBase64 = await inspect({ response, options, credentialPublicKey: "%%%" });
    expect(notBase64).toMatchObject({ status: 400, json: { code: "inspect:bad-public-key" } });
    const creation = await inspect({ response, options: creationOptions() });
    expect(creation).toMatchObject({ status: 400, json: { code: "inspect:bad-request" } });
    expect(creation.json.message).toMatch(/creation options .* but the response is an authentication/);
    const twoChallenges = await inspect({ response, options, expectedChallenge: challenge() });
    expect(twoChallenges).toMatchObject({ status: 400, json: { code: "inspect:bad-request" } });
    const noChallenge = await inspect({ response, options: { rpId: RP_ID } });
    expect(noChallenge).toMatchObject({ status: 400, json: { code: "inspect:bad-request" } });
  });
});
