import { isoBase64URL } from "@simplewebauthn/server/helpers";

/**
 * We are never framed: a response made inside a cross-origin iframe is refused (WebAuthn L3 §7.1 step 10-11,
 * §7.2 step 14-15; security bar A5). Returns the reason, or null when the response is top-level.
 */
export function crossOriginReason(clientDataJSON: string): string | null {
  let clientData: { crossOrigin?: unknown; topOrigin?: unknown };
  try {
    clientData = JSON.parse(isoBase64URL.toUTF8String(clientDataJSON));
  } catch {
    return "clientDataJSON is not valid JSON";
  }
  if (clientData.crossOrigin === true) return "clientDataJSON.crossOrigin is true (the ceremony ran inside a cross-origin frame)";
  if (clientData.topOrigin !== undefined) return `clientDataJSON.topOrigin is present (${String(clientData.topOrigin)})`;
  return null;
}
