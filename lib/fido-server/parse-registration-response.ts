import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { failForDevelopers, ok, type Result } from "@/lib/result";
import { registrationResponseSchema } from "@/lib/webauthn/response-schemas";
import { describeIssue } from "./describe-issue";
import { normaliseCredential } from "./normalise-credential";

/** Resp-1 of the attestation families: every member present, of its type, base64url and non-empty (security bar B18). */
export function parseRegistrationResponse(body: unknown): Result<RegistrationResponseJSON> {
  const credential = normaliseCredential(body);
  if (!credential.ok) return credential;
  const parsed = registrationResponseSchema.safeParse(credential.data);
  if (!parsed.success)
    return failForDevelopers(
      "fido:bad-request",
      `Malformed attestation response: ${describeIssue(parsed.error, credential.data)}.`,
    );
  return ok(parsed.data);
}
