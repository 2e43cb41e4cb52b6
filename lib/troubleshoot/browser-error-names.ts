// The browser errors a report may name: the DOMException names WebAuthn throws and SimpleWebAuthn's codes. A report
// stores one of these, never the browser's own words; anything else is stored as "Error" with no code. Its own module
// (no zod) so that the live test's script can use it without the report's schema.
export const browserErrorNames = [
  "NotAllowedError",
  "InvalidStateError",
  "SecurityError",
  "AbortError",
  "NotSupportedError",
  "ConstraintError",
  "UnknownError",
  "TypeError",
  "Error",
] as const;

export const browserErrorCodes = [
  "ERROR_CEREMONY_ABORTED",
  "ERROR_INVALID_DOMAIN",
  "ERROR_INVALID_RP_ID",
  "ERROR_INVALID_USER_ID_LENGTH",
  "ERROR_MALFORMED_PUBKEYCREDPARAMS",
  "ERROR_AUTHENTICATOR_GENERAL_ERROR",
  "ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT",
  "ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT",
  "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED",
  "ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG",
  "ERROR_AUTO_REGISTER_USER_VERIFICATION_FAILURE",
  "ERROR_SIGNAL_INVALID_ARGUMENT",
  "ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY",
] as const;

export type BrowserErrorFact = { name: (typeof browserErrorNames)[number]; code?: (typeof browserErrorCodes)[number] };

/** What a ceremony threw, as a report may store it. */
export function browserErrorFact(name: string | undefined, code: string | undefined): BrowserErrorFact {
  const known = browserErrorNames.find((candidate) => candidate === name) ?? "Error";
  const knownCode = browserErrorCodes.find((candidate) => candidate === code);
  return knownCode ? { name: known, code: knownCode } : { name: known };
}
