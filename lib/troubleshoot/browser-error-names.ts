// The browser errors a report may name: the DOMException names WebAuthn throws and SimpleWebAuthn's codes. A report
// stores one of these, never the browser's own words; anything else is stored as "Error" with no code. Its own module
// (no zod) so that the live test's script can use it without the report's schema.
import { DOM_EXCEPTION_NAMES, WEBAUTHN_ERROR_CODES } from "@/lib/compat/ceremony-error-names";
export const browserErrorNames = [...DOM_EXCEPTION_NAMES, "Error"] as const;

export const browserErrorCodes = WEBAUTHN_ERROR_CODES;

export type BrowserErrorFact = { name: (typeof browserErrorNames)[number]; code?: (typeof browserErrorCodes)[number] };

/** What a ceremony threw, as a report may store it. */
export function browserErrorFact(name: string | undefined, code: string | undefined): BrowserErrorFact {
  const known = browserErrorNames.find((candidate) => candidate === name) ?? "Error";
  const knownCode = browserErrorCodes.find((candidate) => candidate === code);
  return knownCode ? { name: known, code: knownCode } : { name: known };
}
