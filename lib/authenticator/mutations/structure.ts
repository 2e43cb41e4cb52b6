// Server-…AttestationResponse-Resp-1 and Server-…AssertionResponse-Resp-1: members missing, of the wrong type,
// not base64url or empty. The same faults for both ceremonies, generated per member.
import type { JsonValue } from "../client-data";
import { notBase64url, toJson, withMember, withResponseMember, type JsonObject } from "./json";
import type { Mutation } from "./types";

export type MemberFault = "Missing" | "NotString" | "NotBase64url" | "Empty";

type Target = { member: string; inResponse: boolean };

function faulty(value: JsonValue | undefined, fault: MemberFault): JsonValue | undefined {
  if (fault === "Missing") return undefined;
  if (fault === "NotString") return 42;
  if (fault === "Empty") return "";
  return typeof value === "string" ? notBase64url(value) : value;
}

const DOC: Record<MemberFault, string> = {
  Missing: "left out",
  NotString: "a number instead of a string",
  NotBase64url: "standard base64 (with + / =) instead of base64url",
  Empty: "an empty string",
};

/** `${member}${fault}` mutations for one member, e.g. idMissing, idNotString, idNotBase64url, idEmpty. */
export function memberFaults<Name extends string, Fault extends MemberFault, Response extends object, Context>(
  name: Name,
  target: Target,
  faults: readonly Fault[],
  family: string,
): Record<`${Name}${Fault}`, Mutation<Response, Context>> {
  const entries = faults.map((fault) => {
    const mutation: Mutation<Response, Context> = {
      family,
      doc: `${target.inResponse ? "response." : ""}${target.member} is ${DOC[fault]}`,
      apply: (response) => {
        const json = toJson(response);
        if (!target.inResponse) return withMember(json, target.member, faulty(json[target.member], fault));
        const inner = json.response as JsonObject;
        return withResponseMember(json, target.member, faulty(inner[target.member], fault));
      },
    };
    return [`${name}${fault}`, mutation] as const;
  });
  return Object.fromEntries(entries) as Record<`${Name}${Fault}`, Mutation<Response, Context>>;
}

const ALL = ["Missing", "NotString", "NotBase64url", "Empty"] as const;

/** The credential-level faults both ceremonies share (id, rawId, type, response). */
export function credentialFaults<Response extends object, Context>(family: string) {
  const mutation = (doc: string, edit: (json: JsonObject) => JsonObject): Mutation<Response, Context> => ({
    family,
    doc,
    apply: (response) => edit(toJson(response)),
  });
  return {
    ...memberFaults<"id", (typeof ALL)[number], Response, Context>(
      "id",
      { member: "id", inResponse: false },
      ALL,
      family,
    ),
    ...memberFaults<"rawId", (typeof ALL)[number], Response, Context>(
      "rawId",
      { member: "rawId", inResponse: false },
      ALL,
      family,
    ),
    rawIdDifferentFromId: mutation("rawId is valid base64url but names another credential than id", (json) =>
      withMember(json, "rawId", Buffer.alloc(32, 1).toString("base64url")),
    ),
    typeMissing: mutation("type is left out", (json) => withMember(json, "type", undefined)),
    typeNotString: mutation("type is a number", (json) => withMember(json, "type", 42)),
    typeEmpty: mutation("type is an empty string", (json) => withMember(json, "type", "")),
    typeNotPublicKey: mutation('type is "password" instead of "public-key"', (json) =>
      withMember(json, "type", "password"),
    ),
    responseMissing: mutation("response is left out", (json) => withMember(json, "response", undefined)),
    responseNotObject: mutation("response is a string instead of an object", (json) =>
      withMember(json, "response", "response"),
    ),
  };
}

/** The four faults for each named base64url member of `response`. */
export function responseMemberFaults<Name extends string, Response extends object, Context>(
  name: Name,
  family: string,
) {
  return memberFaults<Name, (typeof ALL)[number], Response, Context>(
    name,
    { member: name, inResponse: true },
    ALL,
    family,
  );
}
