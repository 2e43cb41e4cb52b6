// Security bar B20, B21: hostile CBOR in attestationObject (deep nesting, declared lengths and counts beyond the input,
// indefinite lengths, bytes after the map, duplicate keys, non-shortest lengths) is refused with our typed error by
// the portal's registration and by the FIDO conformance API: no exception, no 5xx, nothing stored. Every bomb is
// built into a real attestation object from the software authenticator, so the bomb is the only fault.
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeCBOR, encodeCBOR, type CBORType } from "@levischuck/tiny-cbor";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { fidoCredentials, passkeys } from "@/lib/db/schema";
import { grantStepUp } from "@/lib/auth/step-up";
import { ALGORITHM_NAMES, ATTESTATION_FORMATS, coseAlgorithmId, SoftwareAuthenticator } from "@/lib/authenticator";
import { newToken } from "@/lib/crypto/tokens";
import { createAccount, ORIGIN } from "@/test/accounts";
import { post } from "@/test/fido-requests";
import { checkAttestationCbor, MAX_CBOR_DEPTH } from "./check-attestation-cbor";
import { finishRegistration, startRegistration } from "./registration";
import { relyingParty } from "./relying-party";
import { englishPasskeyWords } from "@/test/passkey-words";

type CborMap = Map<string, CBORType>;

const bytes = (...values: number[]) => Buffer.from(values);
const uint64 = (value: number) => {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(value));
  return buffer;
};
/** `depth` containers, each holding the next, around a 0. */
const nested = (open: number[], depth: number) =>
  Buffer.concat([Buffer.from(Array.from({ length: depth }, () => open).flat()), bytes(0x00)]);

const cbor = (value: CBORType) => Buffer.from(encodeCBOR(value));

function decodeObject(attestationObject: Buffer): { object: CborMap; authData: Buffer } {
  const object = decodeCBOR(new Uint8Array(attestationObject)) as CborMap;
  return { object, authData: Buffer.from(object.get("authData") as Uint8Array) };
}

/** The attestation object with authData replaced by raw CBOR (`authDataItem`, header included). */
function withRawAuthData(object: CborMap, authDataItem: Buffer): Buffer {
  const others = new Map(object);
  others.delete("authData");
  return Buffer.concat([bytes(0xa0 + others.size + 1), cbor(others).subarray(1), cbor("authData"), authDataItem]);
}

function withAuthData(object: CborMap, authData: Buffer): Buffer {
  return cbor(new Map(object).set("authData", new Uint8Array(authData)));
}

/** Where the credential public key starts in authData (WebAuthn L3 §6.5.2). */
const keyStart = (authData: Buffer) => 55 + authData.readUInt16BE(53);

/** [name, attestationObject, the guard's verdict or null when the guard lets it through to the decoder]. */
function bombs(attestationObject: Buffer): [string, Buffer, RegExp | null][] {
  const { object, authData } = decodeObject(attestationObject);
  const withExtensions = (tail: Buffer) => {
    const flagged = Buffer.from(authData);
    flagged[32] |= 0x80;
    return withAuthData(object, Buffer.concat([flagged, tail]));
  };
  return [
    ["arrays nested 100 000 deep", nested([0x81], 100_000), /nests deeper than 16 levels/],
    ["maps nested 100 000 deep", nested([0xa1, 0x00], 100_000), /nests deeper than 16 levels/],
    ["tags nested 100 000 deep", nested([0xc6], 100_000), /nests deeper than 16 levels/],
    [
      "attStmt nested 1 000 deep",
      Buffer.concat([
        bytes(0xa3),
        cbor("fmt"),
        cbor("none"),
        cbor("attStmt"),
        nested([0x81], 1_000),
        cbor("authData"),
        cbor(new Uint8Array(authData)),
      ]),
      /nests deeper than 16 levels/,
    ],
    [
      "a byte string declaring 2^53 - 1 bytes",
      Buffer.concat([bytes(0x5b), uint64(Number.MAX_SAFE_INTEGER), Buffer.alloc(16)]),
      /declares a string of 9007199254740991 bytes where 16 are left/,
    ],
    [
      "a text string declaring 2^32 - 1 bytes",
      Buffer.concat([bytes(0x7a, 0xff, 0xff, 0xff, 0xff), Buffer.alloc(16)]),
      /declares a string of 4294967295 bytes/,
    ],
    [
      "an array declaring 2^32 - 1 items",
      Buffer.concat([bytes(0x9a, 0xff, 0xff, 0xff, 0xff), Buffer.alloc(16)]),
      /declares 4294967295 items where 16 bytes are left/,
    ],
    [
      "a map declaring 2^64 - 1 pairs",
      Buffer.concat([bytes(0xbb), Buffer.alloc(8, 0xff), Buffer.alloc(16)]),
      /declares \d+ items where 16 bytes are left/,
    ],
    [
      "authData declaring 2^31 - 1 bytes (the real authData follows)",
      withRawAuthData(object, Buffer.concat([bytes(0x5a, 0x7f, 0xff, 0xff, 0xff), authData])),
      /declares a string of 2147483647 bytes/,
    ],
    [
      "authData declaring 2^53 - 1 bytes (the real authData follows)",
      withRawAuthData(object, Buffer.concat([bytes(0x5b), uint64(Number.MAX_SAFE_INTEGER), authData])),
      /declares a string of 9007199254740991 bytes/,
    ],
    [
      "a credential public key nested 50 000 deep",
      withAuthData(object, Buffer.concat([authData.subarray(0, keyStart(authData)), nested([0x81], 50_000)])),
      /authData credential public key nests deeper than 16 levels/,
    ],
    [
      "a credential public key declaring 2^53 - 1 bytes",
      withAuthData(
        object,
        Buffer.concat([
          authData.subarray(0, keyStart(authData)),
          bytes(0xa1, 0x01, 0x5b),
          uint64(Number.MAX_SAFE_INTEGER),
          Buffer.alloc(8),
        ]),
      ),
      /authData credential public key declares a string of 9007199254740991 bytes/,
    ],
    [
      "extensions nested 50 000 deep",
      withExtensions(Buffer.concat([bytes(0xa1, 0x61, 0x78), nested([0x81], 50_000)])),
      /authData extensions nests deeper than 16 levels/,
    ],
    [
      "extensions as an indefinite-length map",
      withExtensions(bytes(0xbf, 0x61, 0x78, 0x00, 0xff)),
      /authData extensions uses an indefinite length/,
    ],
    ["an indefinite-length array", bytes(0x9f, 0x00, 0x00, 0xff), /uses an indefinite length/],
    ["an indefinite-length map", bytes(0xbf, 0x61, 0x61, 0x00, 0xff), /uses an indefinite length/],
    ["an indefinite-length byte string", bytes(0x5f, 0x41, 0x00, 0xff), /uses an indefinite length/],
    ["a stray break", bytes(0xff), /stray break/],
    ["reserved additional information", bytes(0x1c), /reserved additional information 28/],
    ["one byte after the map", Buffer.concat([attestationObject, bytes(0x00)]), /has 1 bytes after its CBOR map/],
    [
      "a second attestation object after the first",
      Buffer.concat([attestationObject, attestationObject]),
      /bytes after its CBOR map/,
    ],
    [
      "fmt twice (a duplicate map key)",
      Buffer.concat([bytes(0xa4), cbor("fmt"), cbor("none"), attestationObject.subarray(1)]),
      null,
    ],
    [
      '"fmt" with a longer length than needed (not shortest form)',
      Buffer.concat([bytes(0xa3, 0x78, 0x03), Buffer.from("fmt"), attestationObject.subarray(5)]),
      null,
    ],
    ["an array of 200 000 zeros", Buffer.concat([bytes(0x9a, 0x00, 0x03, 0x0d, 0x40), Buffer.alloc(200_000)]), null],
    [
      "a map of 60 000 integer keys",
      Buffer.concat([
        bytes(0xb9, 0xea, 0x60),
        ...Array.from({ length: 60_000 }, (_, key) =>
          bytes(0x1a, 0x00, (key + 65_536) >> 16, ((key + 65_536) >> 8) & 0xff, key & 0xff, 0x00),
        ),
      ]),
      null,
    ],
  ];
}

const creationOptions = (): PublicKeyCredentialCreationOptionsJSON => ({
  challenge: newToken(32),
  rp: { id: relyingParty.id, name: "Passkey Lab" },
  user: { id: newToken(64), name: "cbor@test.example", displayName: "CBOR" },
  pubKeyCredParams: ALGORITHM_NAMES.map((name) => ({ type: "public-key", alg: coseAlgorithmId(name) })),
});

const sample = () =>
  Buffer.from(
    new SoftwareAuthenticator({ attestation: "packed-self" }).register(creationOptions(), ORIGIN).response
      .attestationObject,
    "base64url",
  );
const BOMBS = bombs(sample()).map(([name, , verdict]) => [name, verdict] as const);
const bombFor = (name: string, attestationObject: Buffer) =>
  bombs(attestationObject).find(([bomb]) => bomb === name)![1];

describe("checkAttestationCbor", () => {
  it.each(ATTESTATION_FORMATS)(
    "lets every real %s attestation object through, for every algorithm and with extensions",
    (format) => {
      for (const algorithm of ALGORITHM_NAMES) {
        const authenticator = new SoftwareAuthenticator({ attestation: format });
        let response;
        try {
          response = authenticator.register(creationOptions(), ORIGIN, {
            algorithm,
            extensions: new Map([["credProtect", 2]]),
          });
        } catch {
          continue; // a format that does not support this algorithm (fido-u2f is ES256 only)
        }
        expect(
          checkAttestationCbor(Buffer.from(response.response.attestationObject, "base64url")),
          `${format} ${algorithm}`,
        ).toBeNull();
      }
    },
  );

  it(`takes nesting ${MAX_CBOR_DEPTH} deep and refuses ${MAX_CBOR_DEPTH + 1}`, () => {
    expect(checkAttestationCbor(nested([0x81], MAX_CBOR_DEPTH))).toBeNull();
    expect(checkAttestationCbor(nested([0x81], MAX_CBOR_DEPTH + 1))).toMatch(/nests deeper than 16 levels/);
  });

  it.each(BOMBS)("judges %s", (name, verdict) => {
    const problem = checkAttestationCbor(bombFor(name, sample()));
    if (verdict) expect(problem).toMatch(verdict);
    else expect(problem).toBeNull(); // well-formed enough: the decoder refuses it (see below)
  });
});

describe("the portal's registration (lib/webauthn/registration.ts)", () => {
  it.each(BOMBS)("refuses %s with a typed failure and stores nothing", async (name, verdict) => {
    const account = await createAccount();
    await grantStepUp(db, {
      userId: account.user.id,
      sessionId: account.sessionId,
      method: "totp",
      purpose: "add-passkey",
    });
    const start = await startRegistration(account, "this-device");
    if (!start.ok) throw new Error(start.code);
    const response = new SoftwareAuthenticator({ attestation: "packed-self" }).register(start.data.options, ORIGIN);
    const attestationObject = bombFor(name, Buffer.from(response.response.attestationObject, "base64url")).toString(
      "base64url",
    );
    const result = await finishRegistration(
      account,
      start.data.ceremonyId,
      { ...response, response: { ...response.response, attestationObject } },
      "t",
      englishPasskeyWords,
    );
    if (result.ok) throw new Error(`${name} was registered`);
    if (verdict) expect(result).toMatchObject({ code: "input:invalid", detail: expect.stringMatching(verdict) });
    else expect(result.code).toBe("passkey:not-verified");
    expect(await db.query.passkeys.findMany({ where: eq(passkeys.userId, account.user.id) })).toEqual([]);
  });
});

describe("the FIDO conformance API (lib/fido-server)", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(BOMBS)("refuses %s with a 400 and a reason, without an unexpected error", async (name, verdict) => {
    const unexpected = vi.spyOn(console, "error");
    const options = (await post("/attestation/options", { username: `cbor-${newToken(6)}` }))
      .body as unknown as PublicKeyCredentialCreationOptionsJSON;
    const response = new SoftwareAuthenticator({ attestation: "packed-self" }).register(options, ORIGIN);
    const attestationObject = bombFor(name, Buffer.from(response.response.attestationObject, "base64url")).toString(
      "base64url",
    );
    const answer = await post("/attestation/result", {
      ...response,
      response: { ...response.response, attestationObject },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      status: "failed",
      errorMessage: verdict ? expect.stringMatching(verdict) : expect.stringMatching(/^Registration refused: /),
    });
    expect(unexpected).not.toHaveBeenCalled();
    expect(await db.query.fidoCredentials.findFirst({ where: eq(fidoCredentials.id, response.id) })).toBeUndefined();
  });
});
