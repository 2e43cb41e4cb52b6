// What each DOMException from navigator.credentials.create()/get() usually means and what to tell the person
// (docs/compat.md, "Browser errors → meaning"; WebAuthn L3 §5.1.3 and §5.1.4 list which step throws which name).
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
  message?: string;
  name?: string;
  /** How long the browser took to answer, and the timeout the options gave it: a refusal at the timeout timed out. */
  elapsedMs?: number;
  timeoutMs?: number;
};

export type Explainer = (context: ErrorContext) => CeremonyErrorExplanation;

const REPORT = "Send the troubleshooting report to support.";

/**
 * A failed biometric prompt usually means no screen lock or Windows Hello PIN is set up (docs/compat.md). Without a
 * platform (the portal's own pages do not detect one) the hint stays general.
 */
function biometricHint(platform: Platform | undefined): string {
  return platform
    ? ` If the fingerprint, face or PIN prompt failed: ${screenLockSteps(platform)}`
    : " If your fingerprint, face or PIN was not recognised: try again, or unlock with your device's screen lock (PIN, pattern or password) instead.";
}

// Hybrid needs Bluetooth on both devices plus internet; an iPhone is not remembered, so its QR code is scanned each time.
const PHONE_HINT =
  " For a phone: Bluetooth on, on both devices, both online; an iPhone has to scan the QR code each time.";

/** The causes a sign-in's NotAllowedError covers (WebAuthn L3 §5.1.4.1 folds them into one name, for privacy). */
const SIGN_IN_CAUSES = {
  cancelled: "The passkey prompt was closed or cancelled.",
  noPasskey: "The device or password manager you picked holds no passkey for this site.",
  timedOut: "The request timed out before a passkey answered.",
  notVerified: "Your fingerprint, face or PIN was not recognised.",
  pending: "Another passkey request was still open in this browser.",
} as const;

// Within this much of the timeout, the browser most likely gave up waiting (timers in browsers are not exact).
const TIMEOUT_MARGIN_MS = 5_000;

/**
 * The sign-in causes, the likely one first, from what the browser said: its message when it names a pending request,
 * how long it took against the timeout. Otherwise a closed prompt comes first: by far the most common.
 */
export function likelySignInCauses({
  message = "",
  elapsedMs,
  timeoutMs,
}: Pick<ErrorContext, "message" | "elapsedMs" | "timeoutMs">): string[] {
  const first: keyof typeof SIGN_IN_CAUSES = /pending|already in progress/i.test(message)
    ? "pending"
    : elapsedMs !== undefined && timeoutMs !== undefined && elapsedMs >= timeoutMs - TIMEOUT_MARGIN_MS
      ? "timedOut"
      : "cancelled";
  const order: (keyof typeof SIGN_IN_CAUSES)[] = ["cancelled", "noPasskey", "timedOut", "notVerified", "pending"];
  return [first, ...order.filter((key) => key !== first)].map((key) => SIGN_IN_CAUSES[key]);
}

const notAllowed: Explainer = ({ ceremony, platform, message = "", elapsedMs, timeoutMs }) => {
  if (/focus/i.test(message)) {
    return {
      cause: "The page was not in focus when the passkey request started.",
      fix: "Click anywhere on this page, then try again.",
      escalate: false,
    };
  }
  if (/permissions? policy|publickey-credentials|iframe/i.test(message)) {
    return {
      cause: "The page is shown inside another website that does not allow passkeys there.",
      fix: "Open this site in its own tab, then try again.",
      escalate: false,
    };
  }
  const cause =
    ceremony === "get"
      ? "The request was cancelled or timed out, or the device or password manager you picked holds no passkey for this site (or another passkey request was still open)."
      : "The request was cancelled or timed out, or the device could not check it was you.";
  const retry =
    ceremony === "get"
      ? "Try again and pick the device or password manager that holds your passkey, or use your phone (QR code). This does not count as a failed attempt."
      : "Try again and finish the prompt on the device or password manager that should keep the passkey, or use your phone (QR code).";
  const fixes = [retry, biometricHint(platform).trim(), PHONE_HINT.trim()];
  return {
    cause,
    fix: `${retry}${biometricHint(platform)}${PHONE_HINT}`,
    escalate: false,
    ...(ceremony === "get" ? { causes: likelySignInCauses({ message, elapsedMs, timeoutMs }), fixes } : {}),
  };
};

const invalidState: Explainer = ({ ceremony }) =>
  ceremony === "create"
    ? {
        cause: "This device or password manager already holds a passkey for your account.",
        fix: "You already have a passkey here: sign in with it. To add another, save it to a different password manager or device.",
        escalate: false,
      }
    : {
        cause: "The browser refused the sign-in request in its current state.",
        fix: `Reload the page and try again. If it keeps happening: ${REPORT}`,
        escalate: true,
      };

const security: Explainer = () => ({
  cause:
    "This site's passkey settings do not match its address: the site's domain (RP ID) is wrong, the page was opened by IP address, or its related-origins file is invalid.",
  fix: `This is a problem with the site, not your device. ${REPORT}`,
  escalate: true,
});

const abort: Explainer = () => ({
  cause: "The page cancelled the request, for example to switch from the autofill suggestion to the passkey button.",
  fix: "Try again.",
  escalate: false,
});

const notSupported: Explainer = () => ({
  cause: "Your authenticator supports none of the key types this site offers.",
  fix: `This is a site configuration problem. ${REPORT} Meanwhile, another device or password manager may work.`,
  escalate: true,
});

/** Passkeys need a FIDO2 key; iOS and macOS need its PIN set before registering; macOS browsers do not use NFC. */
export function securityKeyHint(platform: Platform | undefined): string {
  const apple =
    platform && ["iOS", "iPadOS", "macOS"].includes(platform.os.name)
      ? " On Apple devices, set the key's PIN before registering it."
      : "";
  const nfc = platform?.os.name === "macOS" ? " Browsers on a Mac do not use NFC: plug the key in." : "";
  return ` Keys that only do U2F (such as YubiKey 4 or NEO) cannot hold passkeys.${apple}${nfc}`;
}

const constraint: Explainer = ({ platform }) => ({
  cause:
    "This site needs a passkey that your authenticator keeps and unlocks with a PIN or biometrics, and this authenticator cannot do that (for example a security key without a PIN).",
  fix: `Set a PIN on your security key (in its maker's app or your browser's security key settings), or use this phone or computer instead.${securityKeyHint(platform)}`,
  escalate: false,
});

const unknown: Explainer = ({ platform }) => ({
  cause: "The authenticator failed without saying why.",
  fix: `Try again. If it fails again, update your system and browser${platform ? ` (${updateOsSteps(platform)} ${updateBrowserSteps(platform)})` : ""}, then: ${REPORT}`,
  escalate: true,
});

const typeError: Explainer = () => ({
  cause: "The site sent malformed passkey options (for example a user ID that is empty or longer than 64 bytes).",
  fix: `This is a bug in the site, not your device. ${REPORT}`,
  escalate: true,
});

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

export const unrecognisedError: Explainer = () => ({
  cause: "The passkey request failed with an error this guide does not recognise.",
  fix: `Try again. If it keeps failing: ${REPORT}`,
  escalate: true,
});
