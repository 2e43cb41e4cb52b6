// Turns what a passkey ceremony threw into a cause, a fix and whether staff must look. SimpleWebAuthn's
// WebAuthnError.code is the better first classifier (it already looked at the options); the DOMException name is the
// fallback (docs/compat.md). ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY says nothing, so the name decides then. The words
// are the `browserErrors` messages in the reader's language; the server answers them to the browser
// (explain-browser-failure-action.ts).
import type { WebAuthnErrorCode } from "@simplewebauthn/browser";
import type { Translator } from "@/lib/i18n/translator";
import {
  type CeremonyErrorExplanation,
  type ErrorContext,
  type Explainer,
  domExceptionExplanations,
  securityKeyHint,
  unrecognisedError,
} from "./dom-exception-explanations";
import { type MessageHint, messageHint } from "./error-message-hint";
import type { Platform } from "./platform-types";

export type { CeremonyErrorExplanation } from "./dom-exception-explanations";

export type CeremonyError = {
  /** DOMException name ("NotAllowedError"). */
  name?: string;
  /** SimpleWebAuthn WebAuthnError code ("ERROR_INVALID_RP_ID"). */
  code?: string;
  /** The browser's own words; read here only for the hint they give, when `hint` is not given. */
  message?: string;
  hint?: MessageHint;
  ceremony: "create" | "get";
  /** How long the browser took to throw, and the options' timeout (the likely cause of a sign-in refusal). */
  elapsedMs?: number;
  timeoutMs?: number;
};

/** The words of the explanations and of the fix steps they give, in the reader's language. */
export type ErrorTranslators = { browserErrors: Translator<"browserErrors">; fixSteps: Translator<"fixSteps"> };

const byName = (name: string): Explainer => domExceptionExplanations[name] ?? unrecognisedError;

/** Every code SimpleWebAuthn can raise: the compiler flags a new one until it is explained here. */
const codeExplanations = {
  ERROR_CEREMONY_ABORTED: byName("AbortError"),
  ERROR_INVALID_DOMAIN: ({ t }) => ({ cause: t("invalidDomain.cause"), fix: t("invalidDomain.fix"), escalate: true }),
  ERROR_INVALID_RP_ID: ({ t }) => ({ cause: t("invalidRpId.cause"), fix: t("siteProblem"), escalate: true }),
  ERROR_INVALID_USER_ID_LENGTH: byName("TypeError"),
  ERROR_MALFORMED_PUBKEYCREDPARAMS: ({ t }) => ({
    cause: t("malformedKeyTypes.cause"),
    fix: t("siteBug"),
    escalate: true,
  }),
  ERROR_AUTHENTICATOR_GENERAL_ERROR: byName("UnknownError"),
  ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT: ({ platform, t }) => ({
    cause: t("noDiscoverableCredentials.cause"),
    fix: t("noDiscoverableCredentials.fix", { keys: securityKeyHint(platform, t) }),
    escalate: false,
  }),
  ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT: byName("ConstraintError"),
  ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED: byName("InvalidStateError"),
  ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG: byName("NotSupportedError"),
  ERROR_AUTO_REGISTER_USER_VERIFICATION_FAILURE: ({ t }) => ({
    cause: t("autoRegisterFailed.cause"),
    fix: t("autoRegisterFailed.fix"),
    escalate: false,
  }),
  ERROR_SIGNAL_INVALID_ARGUMENT: ({ t }) => ({
    cause: t("signalInvalid.cause"),
    fix: t("signalInvalid.fix"),
    escalate: true,
  }),
  ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY: (context: ErrorContext) => byName(context.name ?? "")(context),
} satisfies Record<WebAuthnErrorCode, Explainer>;

function isKnownCode(code: string): code is WebAuthnErrorCode {
  return Object.hasOwn(codeExplanations, code);
}

export function explainCeremonyError(
  error: CeremonyError,
  { browserErrors, fixSteps }: ErrorTranslators,
  platform?: Platform,
): CeremonyErrorExplanation {
  const context: ErrorContext = {
    ceremony: error.ceremony,
    platform,
    hint: error.hint ?? messageHint(error.message),
    name: error.name,
    elapsedMs: error.elapsedMs,
    timeoutMs: error.timeoutMs,
    t: browserErrors,
    steps: fixSteps,
  };
  if (error.code && isKnownCode(error.code)) return codeExplanations[error.code](context);
  return byName(error.name ?? "")(context);
}
