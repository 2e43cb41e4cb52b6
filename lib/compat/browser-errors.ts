// Turns what a passkey ceremony threw into a cause, a fix and whether staff must look. SimpleWebAuthn's
// WebAuthnError.code is the better first classifier (it already looked at the options); the DOMException name is the
// fallback (docs/compat.md). ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY says nothing, so the name decides then.
import type { WebAuthnErrorCode } from "@simplewebauthn/browser";
import {
  type CeremonyErrorExplanation,
  type ErrorContext,
  type Explainer,
  domExceptionExplanations,
  securityKeyHint,
  unrecognisedError,
} from "./dom-exception-explanations";
import type { Platform } from "./platform-types";

export type { CeremonyErrorExplanation } from "./dom-exception-explanations";

export type CeremonyError = {
  /** DOMException name ("NotAllowedError"). */
  name?: string;
  /** SimpleWebAuthn WebAuthnError code ("ERROR_INVALID_RP_ID"). */
  code?: string;
  message?: string;
  ceremony: "create" | "get";
  /** How long the browser took to throw, and the options' timeout (the likely cause of a sign-in refusal). */
  elapsedMs?: number;
  timeoutMs?: number;
};

const REPORT = "Send the troubleshooting report to support.";
const byName = (name: string): Explainer => domExceptionExplanations[name] ?? unrecognisedError;

/** Every code SimpleWebAuthn can raise: the compiler flags a new one until it is explained here. */
const codeExplanations = {
  ERROR_CEREMONY_ABORTED: byName("AbortError"),
  ERROR_INVALID_DOMAIN: () => ({
    cause:
      "This page's address is not a valid domain (for example an IP address), and passkeys only work on a site's name.",
    fix: `Open the site by its usual web address (a name, not numbers). If you came from a link with numbers: ${REPORT}`,
    escalate: true,
  }),
  ERROR_INVALID_RP_ID: () => ({
    cause: "The site's passkey settings name a different domain (RP ID) than this page's address.",
    fix: `This is a problem with the site, not your device. ${REPORT}`,
    escalate: true,
  }),
  ERROR_INVALID_USER_ID_LENGTH: byName("TypeError"),
  ERROR_MALFORMED_PUBKEYCREDPARAMS: () => ({
    cause: "The site offered no valid key type for the new passkey.",
    fix: `This is a bug in the site, not your device. ${REPORT}`,
    escalate: true,
  }),
  ERROR_AUTHENTICATOR_GENERAL_ERROR: byName("UnknownError"),
  ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT: ({ platform }) => ({
    cause: "This authenticator cannot store a passkey itself (no discoverable credentials).",
    fix: `Use this phone or computer, or a FIDO2 security key.${securityKeyHint(platform)}`,
    escalate: false,
  }),
  ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT: byName("ConstraintError"),
  ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED: byName("InvalidStateError"),
  ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG: byName("NotSupportedError"),
  ERROR_AUTO_REGISTER_USER_VERIFICATION_FAILURE: () => ({
    cause:
      "Your password manager tried to save a passkey automatically after you signed in, but could not check it was you.",
    fix: "Nothing is broken. Create a passkey yourself from your account page when you like.",
    escalate: false,
  }),
  ERROR_SIGNAL_INVALID_ARGUMENT: () => ({
    cause: "The site sent your passkey manager a malformed update.",
    fix: `This is a bug in the site; your passkeys are unaffected. ${REPORT}`,
    escalate: true,
  }),
  ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY: (context: ErrorContext) => byName(context.name ?? "")(context),
} satisfies Record<WebAuthnErrorCode, Explainer>;

function isKnownCode(code: string): code is WebAuthnErrorCode {
  return Object.hasOwn(codeExplanations, code);
}

export function explainCeremonyError(error: CeremonyError, platform?: Platform): CeremonyErrorExplanation {
  const context = {
    ceremony: error.ceremony,
    platform,
    message: error.message,
    name: error.name,
    elapsedMs: error.elapsedMs,
    timeoutMs: error.timeoutMs,
  };
  if (error.code && isKnownCode(error.code)) return codeExplanations[error.code](context);
  return byName(error.name ?? "")(context);
}
