import { failForDevelopers, ok, type Result } from "@/lib/result";

export type JsonRecord = Record<string, unknown>;

export function isJsonRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The Conformance Test API's credential in the shape lib/webauthn's response schemas check: `rawId` is optional in
 * the API (it defaults to `id`; when present it must equal `id`), and client extension results may arrive as
 * `getClientExtensionResults` (the API's name) or `clientExtensionResults` (PublicKeyCredential.toJSON()'s).
 */
export function normaliseCredential(body: unknown): Result<JsonRecord> {
  if (!isJsonRecord(body))
    return failForDevelopers("fido:bad-request", "The body must be a JSON object (a PublicKeyCredential).");
  const { getClientExtensionResults, clientExtensionResults, ...credential } = body;
  return ok({
    ...credential,
    rawId: "rawId" in body ? body.rawId : body.id,
    clientExtensionResults: clientExtensionResults ?? getClientExtensionResults ?? {},
  });
}
