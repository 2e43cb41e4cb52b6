// Security bar B24 for the FIDO2 conformance API: fast-check bodies at the request handler. Any JSON (or not JSON at
// all) at any of the four endpoints is answered with a 4xx and a reason, never a 500 and never an error nobody
// expected (handleFidoRequest would hide one behind a 400, so its console.error is watched too); random mutations of
// real responses from the software authenticator are never accepted. The seed is fixed; fast-check prints it and the
// shrunk counterexample on failure.
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { SoftwareAuthenticator } from "@/lib/authenticator";
import {
  applyRandomBody,
  applyRandomMutation,
  ASSERTION_MEMBERS,
  randomBody,
  randomMutation,
  REGISTRATION_MEMBERS,
  UNSIGNED_MEMBERS,
} from "@/lib/authenticator/mutations/random-mutations";
import { newToken } from "@/lib/crypto/tokens";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { operations, post, type FidoAnswer, type FidoPath } from "@/test/fido-requests";

const SEED = 2024_11_25;
const ORIGIN = relyingParty.origins[0];
const PATHS = Object.keys(operations) as FidoPath[];
/** rawId may be left out (it defaults to id) and userHandle is optional here: both may still verify. */
const OPTIONAL_HERE = ["rawId", "response.userHandle"];

/** Keys the endpoints read, so random objects often get past the first checks. */
const KEYS = [
  "id",
  "rawId",
  "type",
  "response",
  "clientDataJSON",
  "attestationObject",
  "authenticatorData",
  "signature",
  "userHandle",
  "username",
  "displayName",
  "userVerification",
  "authenticatorSelection",
  "attestation",
  "extensions",
  "getClientExtensionResults",
];
const anyJson = fc.jsonValue({ maxDepth: 4 });
const body = fc.oneof(
  anyJson,
  fc.dictionary(fc.constantFrom(...KEYS), anyJson, { maxKeys: 6 }),
  fc.record(
    {
      username: fc.string({ maxLength: 80 }),
      response: fc.dictionary(fc.constantFrom(...KEYS), anyJson, { maxKeys: 4 }),
    },
    { requiredKeys: [] },
  ),
);

function expectRefused(answer: FidoAnswer) {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(answer.body.status).toBe("failed");
  expect(answer.body.errorMessage).not.toBe("");
}

describe("handleFidoRequest with random bodies", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers any JSON at any endpoint without a 5xx or an unexpected error, and never ok at /…/result", async () => {
    const unexpected = vi.spyOn(console, "error");
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), body, async (path, json) => {
        const answer = await post(path, json);
        expect(answer.status).toBeLessThan(500);
        if (path.endsWith("/result") || answer.status !== 200) expectRefused(answer);
        expect(unexpected).not.toHaveBeenCalled();
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it("answers any text that is not JSON with a 400", async () => {
    const text = fc.string({ unit: "binary", maxLength: 200 }).filter((value) => {
      try {
        JSON.parse(value);
        return false;
      } catch {
        return true;
      }
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), text, async (path, value) => {
        const answer = await post(path, value);
        expect(answer.status).toBe(400);
        expect(answer.body.errorMessage).toMatch(/not valid (JSON|UTF-8)/);
      }),
      { numRuns: 100, seed: SEED },
    );
  });
});

describe("random mutations of real responses", () => {
  afterEach(() => vi.restoreAllMocks());
  const creationOptions = async (username: string) =>
    (await post("/attestation/options", { username })).body as unknown as PublicKeyCredentialCreationOptionsJSON;
  const requestOptions = async (username: string) =>
    (await post("/assertion/options", { username })).body as unknown as PublicKeyCredentialRequestOptionsJSON;

  it("never accepts a registration with a signed member mutated", async () => {
    const unexpected = vi.spyOn(console, "error");
    const username = `fuzz-${newToken(6)}`;
    const authenticator = new SoftwareAuthenticator({ attestation: "packed-self" });
    await fc.assert(
      fc.asyncProperty(
        randomMutation(REGISTRATION_MEMBERS.filter((member) => !OPTIONAL_HERE.includes(member))),
        async (mutation) => {
          const valid = authenticator.register(await creationOptions(username), ORIGIN);
          expectRefused(await post("/attestation/result", applyRandomMutation(valid, mutation)));
          expect(unexpected).not.toHaveBeenCalled();
        },
      ),
      { numRuns: 200, seed: SEED },
    );
    // Unmutated, the same registration is accepted: the refusals were the mutations'.
    expect(
      (await post("/attestation/result", authenticator.register(await creationOptions(username), ORIGIN))).status,
    ).toBe(200);
  });

  it("never accepts an assertion with a signed member mutated", async () => {
    const unexpected = vi.spyOn(console, "error");
    const username = `fuzz-${newToken(6)}`;
    const authenticator = new SoftwareAuthenticator({ attestation: "packed-self" });
    expect(
      (await post("/attestation/result", authenticator.register(await creationOptions(username), ORIGIN))).status,
    ).toBe(200);
    await fc.assert(
      fc.asyncProperty(
        randomMutation(ASSERTION_MEMBERS.filter((member) => !OPTIONAL_HERE.includes(member))),
        async (mutation) => {
          const valid = authenticator.authenticate(await requestOptions(username), ORIGIN);
          expectRefused(await post("/assertion/result", applyRandomMutation(valid, mutation)));
          expect(unexpected).not.toHaveBeenCalled();
        },
      ),
      { numRuns: 200, seed: SEED },
    );
  });

  it("answers optional and unsigned members with any value without a 5xx or an unexpected error", async () => {
    const unexpected = vi.spyOn(console, "error");
    const username = `fuzz-${newToken(6)}`;
    const authenticator = new SoftwareAuthenticator({ attestation: "packed-self" });
    const members = [...UNSIGNED_MEMBERS, ...OPTIONAL_HERE];
    await fc.assert(
      fc.asyncProperty(fc.boolean(), randomBody(members), async (registering, input) => {
        const answer = registering
          ? await post(
              "/attestation/result",
              applyRandomBody(authenticator.register(await creationOptions(username), ORIGIN), input),
            )
          : await post(
              "/assertion/result",
              applyRandomBody(authenticator.authenticate(await requestOptions(username), ORIGIN), input),
            );
        expect(answer.status).toBeLessThan(500);
        if (answer.status !== 200) expectRefused(answer);
        expect(unexpected).not.toHaveBeenCalled();
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});
