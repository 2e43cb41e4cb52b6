// Our own cases for malformed input (security bar B18, B21, B23): whatever arrives, a 4xx with a reason, never a
// server error, and fast.
import { creationOptions } from "../ceremonies";
import { check, expectFailure } from "../expectations";
import { judgedAgainstTwin } from "../twin-judgement";
import { PACKED_SELF_REGISTRATION, SIGN_IN } from "../twins";
import type { CaseContext, ConformanceCase } from "../types";

const FAMILY = "PasskeyLab-Robustness";
const ENDPOINTS = ["/attestation/options", "/attestation/result", "/assertion/options", "/assertion/result"] as const;
const MEGABYTE = 1024 * 1024;
/** A CBOR bomb must be refused well inside this. */
const FAST_MS = 2_000;

type Garbage = { name: string; title: string; status?: number; body: () => string | Uint8Array; line: number };

const GARBAGE: Garbage[] = [
  { name: "not-json", title: "a body that is not JSON", line: 18, body: () => '{"username": "x",' },
  { name: "not-an-object", title: "a JSON array instead of an object", line: 18, body: () => "[1, 2, 3]" },
  {
    name: "not-utf8",
    title: "a body that is not UTF-8",
    line: 18,
    body: () => Uint8Array.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
  },
  {
    name: "over-1mb",
    title: "a JSON body of 1 MB and a bit, refused with 413 before parsing",
    line: 23,
    status: 413,
    body: () => JSON.stringify({ username: "x", padding: "a".repeat(MEGABYTE + 64) }),
  },
];

/** CBOR that costs a careless decoder time or memory, as the attestation object of an otherwise valid registration. */
const BOMBS: { name: string; title: string; cbor: () => Buffer }[] = [
  {
    name: "cbor-huge-byte-string",
    title: "a byte string declaring 2^64-1 bytes",
    cbor: () => Buffer.from([0x5b, ...Array(8).fill(0xff)]),
  },
  {
    name: "cbor-huge-map",
    title: "a map declaring 2^64-1 entries",
    cbor: () => Buffer.from([0xbb, ...Array(8).fill(0xff)]),
  },
  { name: "cbor-deep-nesting", title: "100 000 nested one-element arrays", cbor: () => Buffer.alloc(100_000, 0x81) },
];

/** The same endpoint's ceremony, well formed: a target that refuses it refuses garbage for no telling reason. */
const twinOf = (endpoint: (typeof ENDPOINTS)[number]) =>
  endpoint.startsWith("/attestation/") ? PACKED_SELF_REGISTRATION : SIGN_IN;

function bomb(context: CaseContext, cbor: Buffer) {
  return judgedAgainstTwin(context, PACKED_SELF_REGISTRATION, async () => {
    const authenticator = context.authenticator();
    const response = authenticator.register(await creationOptions(context, context.username()), context.origin, {
      attestation: "packed-self",
    });
    const started = Date.now();
    const answer = await context.client.post("/attestation/result", {
      ...response,
      response: { ...response.response, attestationObject: cbor.toString("base64url") },
    });
    expectFailure(answer, "POST /attestation/result");
    check(Date.now() - started < FAST_MS, "time to refuse", `under ${FAST_MS} ms`, `${Date.now() - started} ms`);
  });
}

export const robustnessCases: ConformanceCase[] = [
  ...ENDPOINTS.flatMap((endpoint) =>
    GARBAGE.map((garbage): ConformanceCase => ({
      id: `PasskeyLab-Security-${garbage.line} ${endpoint.slice(1)} ${garbage.name}`,
      family: FAMILY,
      title: `${garbage.title}, sent to ${endpoint}`,
      run: (context) =>
        judgedAgainstTwin(context, twinOf(endpoint), async () =>
          expectFailure(await context.client.postRaw(endpoint, garbage.body()), `POST ${endpoint}`, garbage.status),
        ),
    })),
  ),
  ...BOMBS.map((cbor): ConformanceCase => ({
    id: `PasskeyLab-Security-21 ${cbor.name}`,
    family: FAMILY,
    title: `attestationObject is ${cbor.title}: refused in under ${FAST_MS} ms`,
    run: (context) => bomb(context, cbor.cbor()),
  })),
];
