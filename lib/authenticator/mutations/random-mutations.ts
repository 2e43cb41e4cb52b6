// Random mutations of valid responses, as fast-check arbitraries, for the property and fuzz tests of security bar B24:
// byte flips, truncation, base64url and other garbage, random JSON values in any member, members left out.
// Test-only: fast-check is a devDependency, so lib/authenticator/index.ts does not export this file and only
// *.test.ts and e2e specs import it.
import fc from "fast-check";
import type { JsonValue } from "../client-data";
import { isJsonObject, toJson, type JsonObject } from "./json";

/** A member of the credential ("id") or of its response ("response.signature"). */
export type MemberPath = string;

/** A mutation as plain data, so fast-check prints a counterexample that can be read and replayed. */
export type RandomMutation =
  | { kind: "flip"; member: MemberPath; at: number; mask: number }
  | { kind: "truncate"; member: MemberPath; keep: number }
  | { kind: "garbage"; member: MemberPath; value: string }
  | { kind: "replace"; member: MemberPath; value: JsonValue }
  | { kind: "remove"; member: MemberPath };

/** The signed or checked members of each ceremony: changing any of them must never verify. */
export const REGISTRATION_MEMBERS = [
  "id",
  "rawId",
  "type",
  "response",
  "response.clientDataJSON",
  "response.attestationObject",
] as const;
export const ASSERTION_MEMBERS = [
  "id",
  "rawId",
  "type",
  "response",
  "response.clientDataJSON",
  "response.authenticatorData",
  "response.signature",
  "response.userHandle",
] as const;
/** Members nothing signs (hints, client extension outputs): changing them may verify, but must never crash. */
export const UNSIGNED_MEMBERS = [
  "authenticatorAttachment",
  "clientExtensionResults",
  "response.transports",
  "response.publicKeyAlgorithm",
] as const;

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split("");

/** Random mutations of the given members; byte-level ones only touch the base64url members among them. */
export function randomMutation(members: readonly MemberPath[]): fc.Arbitrary<RandomMutation> {
  const member = fc.constantFrom(...members);
  const binaryMembers = members.filter((path) =>
    /clientDataJSON|attestationObject|authenticatorData|signature/.test(path),
  );
  const garbage = fc.oneof(
    fc.string({ unit: fc.constantFrom(...BASE64URL), maxLength: 300 }),
    fc.base64String({ maxLength: 300 }),
    fc.string({ unit: "grapheme", maxLength: 50 }),
  );
  const anyMember = [
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("garbage" as const), member, value: garbage }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant("replace" as const),
        member,
        value: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>,
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), member }) },
  ];
  if (binaryMembers.length === 0) return fc.oneof(...anyMember);
  const binary = fc.constantFrom(...binaryMembers);
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant("flip" as const),
        member: binary,
        at: fc.nat(),
        mask: fc.integer({ min: 1, max: 255 }),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("truncate" as const), member: binary, keep: fc.nat() }) },
    ...anyMember,
  );
}

/** Either any JSON body at all, or a valid response with one member mutated. */
export type RandomBody = { body: JsonValue } | { mutation: RandomMutation };

export function randomBody(members: readonly MemberPath[]): fc.Arbitrary<RandomBody> {
  return fc.oneof(
    fc.record({ body: fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<JsonValue> }),
    fc.record({ mutation: randomMutation(members) }),
  );
}

export function applyRandomBody(response: object, input: RandomBody): JsonValue {
  return "body" in input ? input.body : applyRandomMutation(response, input.mutation);
}

function read(json: JsonObject, path: MemberPath): JsonValue | undefined {
  const [head, tail] = path.split(".");
  const value = json[head];
  return tail === undefined ? value : isJsonObject(value) ? value[tail] : undefined;
}

function write(json: JsonObject, path: MemberPath, value: JsonValue | undefined): JsonObject {
  const [head, tail] = path.split(".");
  const copy: JsonObject = { ...json };
  const next = tail === undefined ? value : { ...(isJsonObject(json[head]) ? json[head] : {}), [tail]: value };
  if (next === undefined) delete copy[head];
  else copy[head] = JSON.parse(JSON.stringify(next)) as JsonValue; // drops a nested undefined
  return copy;
}

/** The same base64url text with its bytes changed by `edit` (which must change them). */
function editBytes(value: JsonValue | undefined, edit: (bytes: Buffer) => Buffer): string {
  return edit(Buffer.from(typeof value === "string" ? value : "", "base64url")).toString("base64url");
}

/** Applies a mutation to a deep copy; the result always differs from the input in the mutated member. */
export function applyRandomMutation(response: object, mutation: RandomMutation): JsonObject {
  const json = toJson(response);
  const old = read(json, mutation.member);
  switch (mutation.kind) {
    case "flip":
      return write(
        json,
        mutation.member,
        editBytes(old, (bytes) => {
          const copy = Buffer.from(bytes);
          if (copy.length > 0) copy[mutation.at % copy.length] ^= mutation.mask;
          return copy.length > 0 ? copy : Buffer.from([mutation.mask]);
        }),
      );
    case "truncate":
      return write(
        json,
        mutation.member,
        editBytes(old, (bytes) => bytes.subarray(0, mutation.keep % Math.max(bytes.length, 1))),
      );
    case "garbage":
      return write(json, mutation.member, mutation.value === old ? `${mutation.value}A` : mutation.value);
    case "replace":
      return write(
        json,
        mutation.member,
        JSON.stringify(mutation.value) === JSON.stringify(old) ? [mutation.value] : mutation.value,
      );
    case "remove":
      return write(json, mutation.member, undefined);
  }
}
