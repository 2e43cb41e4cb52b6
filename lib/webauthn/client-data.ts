const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Checks SimpleWebAuthn leaves to us. clientDataJSON must be valid UTF-8 JSON (security bar B18: no lenient decoding
 * of damaged bytes), and we are never framed: a response made inside a cross-origin iframe is refused (WebAuthn L3
 * §7.1 step 10-11, §7.2 step 14-15; security bar A5). Returns the reason, or null when the response is fine.
 */
export function crossOriginReason(clientDataJSON: string): string | null {
  let clientData: { crossOrigin?: unknown; topOrigin?: unknown } | null;
  try {
    clientData = JSON.parse(utf8.decode(Buffer.from(clientDataJSON, "base64url")));
  } catch {
    return "clientDataJSON is not valid UTF-8 JSON";
  }
  // WebAuthn L3 §5.8.1: CollectedClientData is a dictionary; null, a number or a list is no answer at all.
  if (typeof clientData !== "object" || clientData === null || Array.isArray(clientData))
    return "clientDataJSON is not a JSON object";
  if (clientData.crossOrigin === true)
    return "clientDataJSON.crossOrigin is true (the ceremony ran inside a cross-origin frame)";
  if (clientData.topOrigin !== undefined)
    return `clientDataJSON.topOrigin is present (${String(clientData.topOrigin)})`;
  return null;
}
