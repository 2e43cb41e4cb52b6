// Garbage in, a 4xx with a reason out: never a 500, never a stack trace, never "ok" for a response that was not made
// by a real ceremony (security bar B18, B24).
import { describe, expect, it } from "vitest";
import { SoftwareAuthenticator } from "@/lib/authenticator";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { newToken } from "@/lib/crypto/tokens";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { operations, post, type FidoAnswer, type FidoPath } from "@/test/fido-requests";

const ORIGIN = relyingParty.origins[0];
const PATHS = Object.keys(operations) as FidoPath[];
const RESULTS: FidoPath[] = ["/attestation/result", "/assertion/result"];

function expectRefused(answer: FidoAnswer, what: string) {
  expect(answer.status, what).toBeGreaterThanOrEqual(400);
  expect(answer.status, what).toBeLessThan(500);
  expect(answer.body.status, what).toBe("failed");
  expect(answer.body.errorMessage.length, what).toBeGreaterThan(0);
  expect(answer.body.errorMessage, what).not.toMatch(/\n\s+at /);
}

/** Deterministic pseudo-random numbers, so a failure names a reproducible seed. */
function generator(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
}

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
  "extensions",
  "authenticatorSelection",
  "attestation",
];

function randomJson(next: (below: number) => number, depth = 0): unknown {
  switch (next(depth > 3 ? 6 : 8)) {
    case 0:
      return null;
    case 1:
      return next(2) === 0;
    case 2:
      return next(2 ** 31) - 2 ** 30;
    case 3:
      return newToken(next(40));
    case 4:
      return ["public-key", "webauthn.create", "", "required", "none", "\u0000", "é"][next(7)];
    case 5:
      return Buffer.from(JSON.stringify({ type: "webauthn.get", challenge: newToken(32), origin: ORIGIN })).toString(
        "base64url",
      );
    case 6:
      return Array.from({ length: next(4) }, () => randomJson(next, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: next(6) }, () => [KEYS[next(KEYS.length)], randomJson(next, depth + 1)]),
      );
  }
}

describe("malformed requests", () => {
  const GARBAGE: [string, unknown][] = [
    ["null", null],
    ["a number", 42],
    ["a string", "public-key"],
    ["an array", [{ id: "AAAA" }]],
    ["an empty object", {}],
    ["a username that is a number", { username: 42 }],
    ["an empty username", { username: "" }],
    ["a username of 10 000 characters", { username: "u".repeat(10_000) }],
    [
      "userVerification that is no such value",
      { username: "x", userVerification: "sometimes", authenticatorSelection: { userVerification: "sometimes" } },
    ],
    ["a response that is null", { id: "AAAA", rawId: "AAAA", type: "public-key", response: null }],
    [
      "clientDataJSON of one byte",
      {
        id: "AAAA",
        type: "public-key",
        response: { clientDataJSON: "ew", attestationObject: "oA", authenticatorData: "AA", signature: "AA" },
      },
    ],
  ];
  /** Sent as raw JSON text: too deep for anything that walks it recursively. */
  const DEEP: [string, string][] = [
    ["arrays nested 100 000 deep", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
    [
      "extensions nested 100 000 deep",
      `{"username":"deep","extensions":{"a":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`,
    ],
  ];

  it.each(PATHS.flatMap((path) => GARBAGE.map(([name, body]) => [path, name, JSON.stringify(body)] as const)))(
    "%s refuses %s",
    async (path, name, body) => {
      expectRefused(await post(path, body), `${path} ${name}`);
    },
  );

  it.each(PATHS.flatMap((path) => DEEP.map(([name, body]) => [path, name, body] as const)))(
    "%s refuses %s",
    async (path, name, body) => {
      expectRefused(await post(path, body), `${path} ${name}`);
    },
  );

  it("never answers a 500 to 100 random JSON bodies per endpoint, and never ok at /…/result", async () => {
    const seed = Date.now() % 100_000;
    const next = generator(seed);
    for (let round = 0; round < 100; round++) {
      for (const path of PATHS) {
        const body = randomJson(next);
        const answer = await post(path, body);
        const what = `seed ${seed} round ${round} ${path} ${JSON.stringify(body).slice(0, 200)}`;
        if (RESULTS.includes(path) || answer.status !== 200) expectRefused(answer, what);
      }
    }
  });
});

describe("random byte flips in real responses", () => {
  it("never verifies a registration or an assertion with one byte flipped anywhere, and never answers 500", async () => {
    const seed = Date.now() % 100_000;
    const next = generator(seed);
    const username = `flips-${newToken(6)}`;
    const authenticator = new SoftwareAuthenticator();
    const register = async () =>
      authenticator.register(
        (await post("/attestation/options", { username })).body as unknown as PublicKeyCredentialCreationOptionsJSON,
        ORIGIN,
        { attestation: "packed-self" },
      );
    expect((await post("/attestation/result", await register())).status).toBe(200);

    for (let round = 0; round < 25; round++) {
      const registration = await register();
      const member = (["clientDataJSON", "attestationObject"] as const)[next(2)];
      const bytes = Buffer.from(registration.response[member], "base64url");
      bytes[next(bytes.length)] ^= 1 + next(255);
      const flipped = {
        ...registration,
        response: { ...registration.response, [member]: bytes.toString("base64url") },
      };
      expectRefused(await post("/attestation/result", flipped), `seed ${seed} registration round ${round} ${member}`);

      const options = (await post("/assertion/options", { username }))
        .body as unknown as PublicKeyCredentialRequestOptionsJSON;
      const assertion = authenticator.authenticate(options, ORIGIN);
      const part = (["clientDataJSON", "authenticatorData", "signature"] as const)[next(3)];
      const signed = Buffer.from(assertion.response[part], "base64url");
      signed[next(signed.length)] ^= 1 + next(255);
      const broken = { ...assertion, response: { ...assertion.response, [part]: signed.toString("base64url") } };
      expectRefused(await post("/assertion/result", broken), `seed ${seed} assertion round ${round} ${part}`);
    }
  });
});
