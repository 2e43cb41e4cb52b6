// UNSAFE — a deliberately weak relying party for testing passkey-lab; never deploy it. See README.md.
// The weak site over HTTP, answered by the software authenticator: its three holes are open, and every other check
// the kit probes holds, so a kit run against it must report exactly those three.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertionMutations, SoftwareAuthenticator, type AssertionMutationName } from "@/lib/authenticator";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { startWeakRp, type WeakRp } from "./server";
import { Visitor, type Answer } from "./test-visitor";

let site: WeakRp;
beforeAll(async () => (site = await startWeakRp()));
afterAll(() => site.close());

const username = (tag: string) => `${tag}-${randomBytes(4).toString("hex")}`;

/** A new account with one passkey, signed in; `name` is its username. */
async function member(tag = "user") {
  const visitor = new Visitor(site.url);
  const name = username(tag);
  const registration = await visitor.register(name);
  return { visitor, name, registration };
}

function expectAccepted(answer: Answer) {
  expect(answer, answer.body.error).toMatchObject({ status: 200, body: { ok: true } });
}

function expectRefused(answer: Answer, reason: RegExp) {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(answer.body).toEqual({ ok: false, error: expect.stringMatching(reason) });
}

/** The same registration answer, for another ceremony's challenge (fmt "none": nothing to sign again). */
function forChallenge(response: RegistrationResponseJSON, challenge: string): RegistrationResponseJSON {
  const clientData = JSON.parse(Buffer.from(response.response.clientDataJSON, "base64url").toString("utf8"));
  const clientDataJSON = Buffer.from(JSON.stringify({ ...clientData, challenge })).toString("base64url");
  return { ...response, response: { ...response.response, clientDataJSON } };
}

describe("happy paths", () => {
  it("signs up with a passkey, signs out, signs in username-first and usernameless, the counter going up", async () => {
    const { visitor, name, registration } = await member();
    expect(await visitor.signedInAs()).toBe(name);
    expectAccepted(await visitor.post("/api/sign-out", {}));
    expect(await visitor.signedInAs()).toBeNull();

    expectAccepted(await visitor.signIn(await visitor.assertion(name)));
    expect(await visitor.signedInAs()).toBe(name);
    const usernameless = new Visitor(site.url, visitor.authenticator);
    expectAccepted(await usernameless.signIn(await usernameless.assertion()));
    expect(await usernameless.signedInAs()).toBe(name);
    expect(site.store.passkeys.get(registration.id)?.counter).toBe(2);
  });

  it("asks for user verification in both ceremonies and a discoverable credential", async () => {
    const visitor = new Visitor(site.url);
    const creation = await visitor.creationOptions("/api/sign-up/options", username("options"));
    expect(creation.authenticatorSelection).toMatchObject({ userVerification: "required", residentKey: "required" });
    expect((await visitor.requestOptions()).userVerification).toBe("required");
  });

  it("adds another passkey while signed in, with the account's passkeys in excludeCredentials", async () => {
    const { visitor, name, registration } = await member();
    const options = await visitor.creationOptions("/api/passkeys/options");
    expect(options.excludeCredentials?.map((credential) => credential.id)).toEqual([registration.id]);
    expect(options.user.name).toBe(name);
    // The same authenticator refuses, as a real one does; another one adds a second passkey.
    expect(() => visitor.authenticator.register(options, site.url)).toThrow(/InvalidStateError/);
    await visitor.withAuthenticator(new SoftwareAuthenticator()).register();
    expect(site.store.passkeysOf(site.store.userNamed(name)!.id)).toHaveLength(2);
  });
});

describe("the three holes are open", () => {
  it("(a) replay: the same assertion signs in twice (the challenge is not used up, an equal counter passes)", async () => {
    const { visitor, name } = await member("replay");
    const assertion = await visitor.assertion(name);
    for (const attacker of [new Visitor(site.url), new Visitor(site.url)]) {
      expectAccepted(await attacker.signIn(assertion));
      expect(await attacker.signedInAs()).toBe(name);
    }
  });

  it("(b) origin: an answer made for another site registers and signs in", async () => {
    const evil = { clientData: { origin: "https://evil.example" } };
    const visitor = new Visitor(site.url);
    const name = username("origin");
    await visitor.register(name, evil);
    expectAccepted(await visitor.signIn(await visitor.assertion(name, evil)));
  });

  it("(c) UV: answers without user verification register and sign in although the options required it", async () => {
    const visitor = new Visitor(site.url);
    const name = username("uv");
    await visitor.register(name, { uv: false });
    expectAccepted(await visitor.signIn(await visitor.assertion(name, { flags: { uv: false } })));
  });
});

describe("every other check holds", () => {
  it.each([
    ["clientData type of a registration", "clientDataTypeSwapped", /Unexpected authentication response type/],
    ["the rpIdHash of another domain", "rpIdHashWrong", /Unexpected RP ID hash/],
    ["UP cleared (re-signed)", "userNotPresent", /User not present/],
    ["a signature bit flipped", "signatureInvalid", /signature did not verify/],
  ] satisfies [string, AssertionMutationName, RegExp][])(
    "refuses an assertion with %s",
    async (_what, mutation, reason) => {
      const { visitor, name, registration } = await member();
      const assertion = await visitor.assertion(name);
      const mutated = assertionMutations[mutation].apply(assertion, {
        signer: visitor.authenticator.credentialSigner(registration.id),
      });
      expectRefused(await new Visitor(site.url).signIn(mutated), reason);
    },
  );

  it("refuses a counter lower than the stored one", async () => {
    const { visitor, name } = await member();
    expectAccepted(await visitor.signIn(await visitor.assertion(name, { signCount: 5 })));
    expectRefused(await visitor.signIn(await visitor.assertion(name, { signCount: 4 })), /counter went back \(4 < 5\)/);
  });

  it("refuses another user's passkey for a username-first sign-in, and another user's user handle", async () => {
    const alice = await member("alice");
    const bob = await member("bob");
    const { challenge, rpId } = await bob.visitor.requestOptions(bob.name);
    const withAlicesKey = alice.visitor.authenticator.authenticate({ challenge, rpId }, site.url);
    expectRefused(await new Visitor(site.url).signIn(withAlicesKey), /belongs to another account/);
    const bobsHandle = bob.visitor.authenticator.credential(bob.registration.id).userHandle;
    expectRefused(
      await alice.visitor.signIn(await alice.visitor.assertion("", { userHandle: bobsHandle })),
      /user handle is not/,
    );
    expectRefused(
      await alice.visitor.signIn(await alice.visitor.assertion("", { userHandle: null })),
      /did not say which account/,
    );
  });

  it("refuses a passkey it never registered", async () => {
    const stranger = new Visitor(site.url, new SoftwareAuthenticator());
    stranger.authenticator.register(
      await stranger.creationOptions("/api/sign-up/options", username("stranger")),
      site.url,
    );
    expectRefused(await stranger.signIn(await stranger.assertion()), /not registered here/);
  });

  it("keeps challenges per purpose: a registration's challenge never answers a sign-in, nor the other way round", async () => {
    const { visitor, name, registration } = await member();
    const { challenge } = await visitor.creationOptions("/api/passkeys/options");
    expectRefused(
      await visitor.signIn(visitor.authenticator.authenticate({ challenge, rpId: "localhost" }, site.url)),
      /not started here/,
    );
    const signIn = await visitor.requestOptions(name);
    const answer = await visitor.post("/api/register/verify", {
      response: forChallenge(registration, signIn.challenge),
    });
    expectRefused(answer, /not started here/);
  });

  it("uses a registration challenge once, and refuses a passkey already registered (to this account or another)", async () => {
    const { visitor, registration } = await member();
    expectRefused(await visitor.post("/api/register/verify", { response: registration }), /not started here/);
    const { challenge: addChallenge } = await visitor.creationOptions("/api/passkeys/options");
    expectRefused(
      await visitor.post("/api/register/verify", { response: forChallenge(registration, addChallenge) }),
      /already registered/,
    );
    const other = new Visitor(site.url);
    const { challenge: signUpChallenge } = await other.creationOptions("/api/sign-up/options", username("copycat"));
    expectRefused(
      await other.post("/api/register/verify", { response: forChallenge(registration, signUpChallenge) }),
      /already registered/,
    );
  });

  it("refuses to add a passkey to nobody, and a taken username", async () => {
    const { name } = await member();
    expectRefused(await new Visitor(site.url).post("/api/passkeys/options", {}), /Sign in to add a passkey/);
    expectRefused(await new Visitor(site.url).post("/api/sign-up/options", { username: name }), /is taken/);
  });

  it("answers every malformed request with a 4xx and a message, never a 500", async () => {
    const visitor = new Visitor(site.url);
    const bodies: [unknown, string?][] = [
      ["not json {"],
      ["[1, 2]"],
      [{ username: 42 }, "text/plain"],
      [{}],
      [{ response: null }],
      [{ response: { response: { clientDataJSON: "bm90IGpzb24" } } }],
      [{ response: { id: 7, response: { clientDataJSON: Buffer.from('{"challenge":"x"}').toString("base64url") } } }],
      ["x".repeat(1_100_000)],
    ];
    for (const path of [
      "/api/sign-up/options",
      "/api/register/verify",
      "/api/sign-in/options",
      "/api/sign-in/verify",
    ]) {
      for (const [body, contentType] of bodies) {
        const answer = await visitor.post(path, body, contentType);
        if (answer.status === 200) continue; // e.g. usernameless sign-in options for `{}`
        expectRefused(answer, /\S/);
      }
    }
  });
});
