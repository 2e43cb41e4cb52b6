// POST /api/inspect as a client sees it: typed 4xx errors for garbage, hostile CBOR answered fast, never a 500.
import { describe, expect, it } from "vitest";
import { handleInspectRequest } from "./handle-inspect-request";
import { scanCbor } from "./safe-cbor";
import { vectors } from "./vectors";

const post = (body: string, headers: Record<string, string> = {}) =>
  handleInspectRequest(
    new Request("http://localhost/api/inspect", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers },
    }),
  );

const registrationWith = (attestationObject: Uint8Array) =>
  JSON.stringify({
    response: {
      ...vectors.none.response,
      response: {
        ...(vectors.none.response.response as object),
        attestationObject: Buffer.from(attestationObject).toString("base64url"),
      },
    },
  });

describe("POST /api/inspect", () => {
  it("inspects a captured vector", async () => {
    const { expected, response } = vectors.fidoU2f;
    const answer = await post(
      JSON.stringify({
        response,
        expectedChallenge: expected.challenge,
        expectedOrigin: expected.origin,
        expectedRPID: expected.rpId,
      }),
    );
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body.verdict).toBe("valid");
    expect(body.decoded.attestation.fmt).toBe("fido-u2f");
  });

  it.each([
    ["not JSON", "{nope", 400, "inspect:bad-json"],
    ["no response", JSON.stringify({ expectedChallenge: "x" }), 400, "inspect:bad-request"],
    ["a response of the wrong type", JSON.stringify({ response: "hello" }), 400, "inspect:bad-request"],
    [
      "a negative sign count",
      JSON.stringify({ response: vectors.authenticationEs256.response, storedSignCount: -1 }),
      400,
      "inspect:bad-request",
    ],
    ["neither ceremony", JSON.stringify({ response: { id: "x", response: {} } }), 400, "inspect:unknown-ceremony"],
    ["a JSON array", "[]", 400, "inspect:bad-request"],
  ])("refuses %s with a typed code", async (_name, body, status, code) => {
    const answer = await post(body);
    expect(answer.status).toBe(status);
    expect((await answer.json()).code).toBe(code);
  });

  it("refuses a body over 1 MB with 413, whether declared or streamed", async () => {
    const big = JSON.stringify({ response: { padding: "a".repeat(1024 * 1024) } });
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect((await declared.json()).code).toBe("inspect:too-large");
    const stream = new ReadableStream({
      start: (controller) => (controller.enqueue(new TextEncoder().encode(big)), controller.close()),
    });
    const streamed = await handleInspectRequest(
      new Request("http://localhost/api/inspect", { method: "POST", body: stream, duplex: "half" } as RequestInit),
    );
    expect(streamed.status).toBe(413);
  });

  it("answers garbage inside the response with an invalid verdict, not an error", async () => {
    const answer = await post(
      JSON.stringify({ response: { id: "!!", response: { attestationObject: "%%%", clientDataJSON: "AAAA" } } }),
    );
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body.verdict).toBe("invalid");
    expect(body.steps.map((step: { id: string }) => step.id)).toContain("attestation-object");
  });
});

describe("hostile CBOR", () => {
  it("refuses deep nesting and huge declared lengths fast", async () => {
    const deep = new Uint8Array(200_000).fill(0x81); // [[[[…
    const started = performance.now();
    const nested = await (await post(registrationWith(deep))).json();
    expect(nested.steps.find((step: { id: string }) => step.id === "attestation-object").message).toMatch(
      /nested deeper than 16 levels/,
    );
    const huge = Uint8Array.from([0xa1, 0x63, 0x66, 0x6d, 0x74, 0x5b, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    const declared = await (await post(registrationWith(huge))).json();
    expect(declared.steps.find((step: { id: string }) => step.id === "attestation-object").message).toMatch(
      /declares .* bytes but only 0 remain/,
    );
    const manyItems = Uint8Array.from([0x9b, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
    expect(() => scanCbor(manyItems)).toThrow(/declares 4294967295 entries/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses trailing bytes after the attestation object and indefinite lengths", async () => {
    const object = Buffer.from(
      (vectors.none.response.response as { attestationObject: string }).attestationObject,
      "base64url",
    );
    const trailing = await (await post(registrationWith(Buffer.concat([object, Buffer.from([0])])))).json();
    expect(trailing.steps.find((step: { id: string }) => step.id === "attestation-object")).toMatchObject({
      ok: false,
      message: "attestationObject has 1 bytes after its CBOR map",
    });
    expect(() => scanCbor(Uint8Array.from([0x9f, 0x01, 0xff]))).toThrow(/indefinite/);
  });

  it("never answers 500 to random mutations of a valid response", async () => {
    const object = Buffer.from(
      (vectors.packedFull.response.response as { attestationObject: string }).attestationObject,
      "base64url",
    );
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 60; round++) {
      const mutated = Buffer.from(object);
      for (let flips = 0; flips < 3; flips++)
        mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256);
      const answer = await post(registrationWith(mutated));
      expect(answer.status).toBe(200);
      expect((await answer.json()).verdict).not.toBe("valid");
    }
  });
});
