// Server-…AttestationResponse-Resp-2 and Server-…AssertionResponse-Resp-2: clientDataJSON members missing, mistyped,
// empty or wrong, and a bad tokenBinding; plus framing and encoding faults from the security bar (A5, B18). Every
// case is signed again over the new clientDataHash: well signed, only wrong.
import { randomBytes } from "node:crypto";
import { isJsonObject, withMember, type JsonObject, type JsonValue } from "./json";
import type { Mutation } from "./types";

export type ClientDataEdit = (clientDataJSON: Buffer) => Buffer;

/** Rebuilds a response around edited clientDataJSON bytes, signing again where the ceremony has a signature. */
export type ClientDataRewrite<Response, Context> = (
  response: Response,
  context: Context,
  edit: ClientDataEdit,
) => JsonObject;

function jsonEdit(edit: (clientData: JsonObject) => JsonObject): ClientDataEdit {
  return (bytes) => {
    const parsed = JSON.parse(bytes.toString("utf8")) as JsonValue;
    if (!isJsonObject(parsed)) throw new Error("mutations start from valid clientDataJSON (an object)");
    return Buffer.from(JSON.stringify(edit(parsed)));
  };
}

const set = (key: string, value: JsonValue | undefined): ClientDataEdit =>
  jsonEdit((clientData) => withMember(clientData, key, value));

/** `swappedType` is the other ceremony's type ("webauthn.get" for registrations, "webauthn.create" for assertions). */
export function clientDataMutations<Response, Context>(
  family: string,
  swappedType: string,
  rewrite: ClientDataRewrite<Response, Context>,
) {
  const mutation = (doc: string, edit: ClientDataEdit, familyOverride?: string): Mutation<Response, Context> => ({
    family: familyOverride ?? family,
    doc,
    apply: (response, context) => rewrite(response, context, edit),
  });
  return {
    clientDataTypeMissing: mutation("clientData.type is left out", set("type", undefined)),
    clientDataTypeNotString: mutation("clientData.type is a number", set("type", 1)),
    clientDataTypeEmpty: mutation("clientData.type is an empty string", set("type", "")),
    clientDataTypeSwapped: mutation(
      `clientData.type is "${swappedType}" (the other ceremony)`,
      set("type", swappedType),
    ),
    challengeMissing: mutation("clientData.challenge is left out", set("challenge", undefined)),
    challengeNotString: mutation("clientData.challenge is a number", set("challenge", 1234)),
    challengeEmpty: mutation("clientData.challenge is an empty string", set("challenge", "")),
    challengeWrong: mutation(
      "clientData.challenge is 32 random bytes the server never issued",
      set("challenge", randomBytes(32).toString("base64url")),
    ),
    originMissing: mutation("clientData.origin is left out", set("origin", undefined)),
    originNotString: mutation("clientData.origin is a number", set("origin", 443)),
    originEmpty: mutation("clientData.origin is an empty string", set("origin", "")),
    originWrong: mutation(
      "clientData.origin is another site (https://evil.example)",
      set("origin", "https://evil.example"),
    ),
    tokenBindingNotObject: mutation(
      'clientData.tokenBinding is the string "present", not an object',
      set("tokenBinding", "present"),
    ),
    tokenBindingBadStatus: mutation(
      'clientData.tokenBinding.status is "invalid-status"',
      set("tokenBinding", { status: "invalid-status" }),
    ),
    crossOriginTrue: mutation(
      "clientData.crossOrigin is true (the ceremony ran in a cross-origin iframe)",
      set("crossOrigin", true),
      "Security-5",
    ),
    topOriginPresent: mutation(
      "clientData.topOrigin names another site while crossOrigin stays false",
      set("topOrigin", "https://evil.example"),
      "Security-5",
    ),
    clientDataJSONNotJson: mutation(
      "clientDataJSON decodes to bytes that are not JSON",
      () => Buffer.from("not json {"),
      "Security-18",
    ),
    clientDataJSONNotUtf8: mutation(
      "clientDataJSON has an invalid UTF-8 sequence inside a string",
      (bytes) => Buffer.concat([bytes.subarray(0, bytes.length - 1), Buffer.from(',"x":"\xff\xfe"}', "latin1")]),
      "Security-18",
    ),
  };
}
