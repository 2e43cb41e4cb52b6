// What each DOMException from navigator.credentials.create()/get() usually means and what to tell the person
// (docs/compat.md, "Browser errors → meaning"; WebAuthn L3 §5.1.3 and §5.1.4 list which step throws which name). The
// words are the `browserErrors` messages, in the reader's language.
import type { Translator } from "@/lib/i18n/translator";
import type { MessageHint } from "./error-message-hint";
import { screenLockSteps, updateBrowserSteps, updateOsSteps } from "./fix-steps";
import type { Platform } from "./platform-types";

export type CeremonyErrorExplanation = {
  cause: string;
  fix: string;
  /**
   * When one error name covers several causes: each on its own, the likely one first, for a page that shows them one
   * per line (the sign-in form). `cause` says them all in one sentence, for the wizard and the report.
   */
  causes?: string[];
  /** The fix as separate steps, in order, when it has several. */
  fixes?: string[];
  /** Staff must look: the site is misconfigured or buggy, or the authenticator failed in a way the person cannot fix. */
  escalate: boolean;
};

export type ErrorContext = {
  ceremony: "create" | "get";
  platform?: Platform;
  /** What the browser's message added (lib/compat/error-message-hint.ts). */
  hint?: MessageHint;
  name?: string;
  /** How long the browser took to answer, and the timeout the options gave it: a refusal at the timeout timed out. */
  elapsedMs?: number;
  timeoutMs?: number;
  t: Translator<"browserErrors">;
  steps: Translator<"fixSteps">;
};

export type Explainer = (context: ErrorContext) => CeremonyErrorExplanation;

/**
 * A failed biometric prompt usually means no screen lock or Windows Hello PIN is set up (docs/compat.md). Without a
 * platform the hint stays general.
 */
function biometricHint(platform: Platform | undefined, t: Translator<"browserErrors">, steps: Translator<"fixSteps">) {
  return platform ? t("biometricHint", { steps: screenLockSteps(platform, steps) }) : t("biometricHintGeneral");
}

type SignInCause = "cancelled" | "noPasskey" | "timedOut" | "notVerified" | "pending";

/** The causes a sign-in's NotAllowedError covers (WebAuthn L3 §5.1.4.1 folds them into one name, for privacy). */
function signInCause(cause: SignInCause, t: Translator<"browserErrors">): string {
  switch (cause) {
    case "cancelled":
      return t("signInCause.cancelled");
    case "noPasskey":
      return t("signInCause.noPasskey");
    case "timedOut":
      return t("signInCause.timedOut");
    case "notVerified":
      return t("signInCause.notVerified");
    case "pending":
      return t("signInCause.pending");
  }
}

// Within this much of the timeout, the browser most likely gave up waiting (timers in browsers are not exact).
const TIMEOUT_MARGIN_MS = 5_000;

/**
 * The sign-in causes, the likely one first, from what the browser said: its message when it names a pending request,
 * how long it took against the timeout. Otherwise a closed prompt comes first: by far the most common.
 */
export function likelySignInCauses({
  hint,
  elapsedMs,
  timeoutMs,
  t,
}: Pick<ErrorContext, "hint" | "elapsedMs" | "timeoutMs" | "t">): string[] {
  const first: SignInCause =
    hint === "pending"
      ? "pending"
      : elapsedMs !== undefined && timeoutMs !== undefined && elapsedMs >= timeoutMs - TIMEOUT_MARGIN_MS
        ? "timedOut"
        : "cancelled";
  const order: SignInCause[] = ["cancelled", "noPasskey", "timedOut", "notVerified", "pending"];
  return [first, ...order.filter((key) => key !== first)].map((key) => signInCause(key, t));
}

const notAllowed: Explainer = (context) => {
  const { ceremony, platform, hint, t, steps } = context;
  if (hint === "focus") return { cause: t("notAllowed.focusCause"), fix: t("notAllowed.focusFix"), escalate: false };
  if (hint === "iframe") return { cause: t("notAllowed.iframeCause"), fix: t("notAllowed.iframeFix"), escalate: false };
  const cause = ceremony === "get" ? t("notAllowed.signInCause") : t("notAllowed.createCause");
  const retry = ceremony === "get" ? t("notAllowed.signInRetry") : t("notAllowed.createRetry");
  const biometric = biometricHint(platform, t, steps);
  const phone = t("phoneHint");
  return {
    cause,
    fix: t("threeSentences", { first: retry, second: biometric, third: phone }),
    escalate: false,
    ...(ceremony === "get" ? { causes: likelySignInCauses(context), fixes: [retry, biometric, phone] } : {}),
  };
};

const invalidState: Explainer = ({ ceremony, t }) =>
  ceremony === "create"
    ? { cause: t("invalidState.createCause"), fix: t("invalidState.createFix"), escalate: false }
    : { cause: t("invalidState.signInCause"), fix: t("invalidState.signInFix"), escalate: true };

const security: Explainer = ({ t }) => ({ cause: t("security.cause"), fix: t("siteProblem"), escalate: true });

const abort: Explainer = ({ t }) => ({ cause: t("abort.cause"), fix: t("abort.fix"), escalate: false });

const notSupported: Explainer = ({ t }) => ({
  cause: t("notSupported.cause"),
  fix: t("notSupported.fix"),
  escalate: true,
});

/** Passkeys need a FIDO2 key; iOS and macOS need its PIN set before registering; macOS browsers do not use NFC. */
export function securityKeyHint(platform: Platform | undefined, t: Translator<"browserErrors">): string {
  const os = platform?.os.name;
  if (os === "macOS") return t("securityKeyHintMac");
  if (os === "iOS" || os === "iPadOS") return t("securityKeyHintApple");
  return t("securityKeyHint");
}

const constraint: Explainer = ({ platform, t }) => ({
  cause: t("constraint.cause"),
  fix: t("constraint.fix", { keys: securityKeyHint(platform, t) }),
  escalate: false,
});

const unknown: Explainer = ({ platform, t, steps }) => ({
  cause: t("unknown.cause"),
  fix: platform
    ? t("unknown.fixWithSteps", { os: updateOsSteps(platform, steps), browser: updateBrowserSteps(platform, steps) })
    : t("unknown.fix"),
  escalate: true,
});

const typeError: Explainer = ({ t }) => ({ cause: t("typeError.cause"), fix: t("siteBug"), escalate: true });

export const domExceptionExplanations: Record<string, Explainer> = {
  NotAllowedError: notAllowed,
  InvalidStateError: invalidState,
  SecurityError: security,
  AbortError: abort,
  NotSupportedError: notSupported,
  ConstraintError: constraint,
  UnknownError: unknown,
  TypeError: typeError,
};

export const unrecognisedError: Explainer = ({ t }) => ({
  cause: t("unrecognised.cause"),
  fix: t("unrecognised.fix"),
  escalate: true,
});
