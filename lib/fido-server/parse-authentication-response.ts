import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { failForDevelopers, ok, type Result } from "@/lib/result";
import { authenticationResponseSchema } from "@/lib/webauthn/response-schemas";
import { describeIssue } from "./describe-issue";
import { isJsonRecord, normaliseCredential } from "./normalise-credential";

/**
 * Resp-1 of the assertion families. A null or empty userHandle means "none" (a non-discoverable credential); any
 * other non-string is refused (FIDO Resp-1 F-21).
 */
export function parseAuthenticationResponse(body: unknown): Result<AuthenticationResponseJSON> {
  const credential = normaliseCredential(body);
  if (!credential.ok) return credential;
  const response = credential.data.response;
  if (isJsonRecord(response) && (response.userHandle === null || response.userHandle === "")) {
    const { userHandle: _none, ...rest } = response;
    credential.data.response = rest;
  }
  const parsed = authenticationResponseSchema.safeParse(credential.data);
  if (!parsed.success)
    return failForDevelopers(
      "fido:bad-request",
      `Malformed assertion response: ${describeIssue(parsed.error, credential.data)}.`,
    );
  return ok(parsed.data);
}
