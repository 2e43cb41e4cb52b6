import { failForDevelopers, ok, type Result } from "@/lib/result";
import { isJsonRecord } from "./normalise-credential";

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Decodes clientDataJSON strictly, for the challenge that names the ceremony. Bytes that are not UTF-8 are refused:
 * a conforming client serialises CollectedClientData as UTF-8 (WebAuthn L3 §5.8.1.2), and SimpleWebAuthn would read
 * them with replacement characters instead (security bar B18). The other members are SimpleWebAuthn's to check.
 */
export function readClientData(clientDataJSON: string): Result<{ challenge: string }> {
  const bad = (reason: string) => failForDevelopers("fido:bad-request", `clientDataJSON ${reason}.`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(clientDataJSON, "base64url"));
  } catch {
    return bad("is not valid UTF-8 (WebAuthn L3 §5.8.1.2)");
  }
  let clientData: unknown;
  try {
    clientData = JSON.parse(text);
  } catch {
    return bad("is not valid JSON");
  }
  if (!isJsonRecord(clientData)) return bad("is not a JSON object");
  // A challenge that cannot name a ceremony is a wrong challenge, as the portal's verifier calls it: the same reason
  // for the same response everywhere (lib/webauthn/verification-parity.test.ts).
  const wrong = (reason: string) =>
    failForDevelopers("fido:not-verified", `The response challenge in clientDataJSON ${reason}.`);
  const { challenge } = clientData;
  if (challenge === undefined) return wrong("is missing");
  if (typeof challenge !== "string") return wrong(`is a ${typeof challenge}, not a string`);
  if (challenge === "") return wrong("is empty");
  if (!BASE64URL.test(challenge)) return wrong("is not base64url");
  return ok({ challenge });
}
