// The DOMException names WebAuthn throws and SimpleWebAuthn's codes, as plain lists the browser can hold: the page sends
// one of them or "other" to be explained (explain-browser-failure-action.ts), and a report stores one of them, never
// the browser's own words (lib/troubleshoot/browser-error-names.ts).
import type { WebAuthnErrorCode } from "@simplewebauthn/browser";

export const DOM_EXCEPTION_NAMES = [
  "NotAllowedError",
  "InvalidStateError",
  "SecurityError",
  "AbortError",
  "NotSupportedError",
  "ConstraintError",
  "UnknownError",
  "TypeError",
] as const;

export const WEBAUTHN_ERROR_CODES = [
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
] as const satisfies readonly WebAuthnErrorCode[];
