// Responses as JSON the way they travel over the wire, so a mutation can make any member missing or mistyped.
import type { JsonValue } from "../client-data";

export type { JsonValue } from "../client-data";
export type JsonObject = { [key: string]: JsonValue };

/** A deep copy of a response as plain JSON (what JSON.stringify would send). */
export function toJson(response: object): JsonObject {
  return JSON.parse(JSON.stringify(response)) as JsonObject;
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A copy with `key` set to `value`, or removed when `value` is undefined. */
export function withMember(object: JsonObject, key: string, value: JsonValue | undefined): JsonObject {
  const copy: JsonObject = { ...object };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

/** The `response` member of a credential, which every valid response has. */
export function responseOf(credential: JsonObject): JsonObject {
  const response = credential.response;
  if (!isJsonObject(response)) throw new Error("mutations start from a valid response: `response` must be an object");
  return response;
}

/** A string member of `response` (clientDataJSON, attestationObject, authenticatorData, signature). */
export function responseString(credential: JsonObject, key: string): string {
  const value = responseOf(credential)[key];
  if (typeof value !== "string")
    throw new Error(`mutations start from a valid response: response.${key} must be a string`);
  return value;
}

/** A copy of the credential with response[key] set (or removed when undefined). */
export function withResponseMember(credential: JsonObject, key: string, value: JsonValue | undefined): JsonObject {
  return withMember(credential, "response", withMember(responseOf(credential), key, value));
}

/** The same bytes in standard base64 with padding; made certainly invalid base64url if that alone is not. */
export function notBase64url(value: string): string {
  const standard = Buffer.from(value, "base64url").toString("base64");
  return /[+/]/.test(standard) ? standard : `${standard}*`;
}
