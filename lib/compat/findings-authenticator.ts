// The device's own authenticator and autofill, from isUserVerifyingPlatformAuthenticatorAvailable() and
// isConditionalMediationAvailable(). The first is a weak signal (docs/compat.md, detection): true on every Mac and
// iPhone even without Touch ID or iCloud Keychain, false on Android only without a screen lock, and some extensions
// force it true. So true is "ok, probably", and false is a warning, never a problem: a phone or security key still works.
import { capabilityEvidence, reportedCapabilities } from "./findings-capabilities";
import { type Finding, type FindingContext, finding, noPasskeyApi, nothingToAsk } from "./finding";
import { screenLockSteps, updateBrowserSteps, updateOsSteps } from "./fix-steps";
import { browsersWithSupport, supports } from "./supports";

function intercepted({ snapshot }: FindingContext): boolean {
  const credential = snapshot.publicKeyCredential;
  return Boolean(
    credential?.wrappedGet ||
    credential?.wrappedCreate ||
    (credential?.constructorName ?? "PublicKeyCredential") !== "PublicKeyCredential",
  );
}

/**
 * One row for the built-in authenticator, from three answers to nearly one question: isUVPAA(), and
 * getClientCapabilities()'s userVerifyingPlatformAuthenticator (the same, asked anew) and passkeyPlatformAuthenticator
 * (that, and it can keep passkeys: WebAuthn L3 §5.1.7). isUVPAA() leads; the capabilities fill in when it did not answer.
 */
export function platformAuthenticatorFinding(context: FindingContext): Finding {
  const { snapshot, platform } = context;
  const title = "Built-in authenticator (fingerprint, face, PIN or screen lock)";
  if (noPasskeyApi(context)) return nothingToAsk("platform-authenticator", title);
  const reported = reportedCapabilities(snapshot);
  const verifies =
    snapshot.isUVPAA ?? reported.userVerifyingPlatformAuthenticator ?? reported.passkeyPlatformAuthenticator ?? null;
  const keepsPasskeys = reported.passkeyPlatformAuthenticator;
  const evidence = [
    snapshot.isUVPAA == null ? "isUVPAA not answered" : `isUVPAA ${snapshot.isUVPAA}`,
    capabilityEvidence(snapshot, ["userVerifyingPlatformAuthenticator", "passkeyPlatformAuthenticator"]),
    intercepted(context) && "an extension is intercepting passkey requests and may force these answers",
  ]
    .filter(Boolean)
    .join("; ");
  if (verifies === true && keepsPasskeys === false) {
    return finding(
      "platform-authenticator",
      title,
      "warning",
      "This device can check it's you with a fingerprint, face, PIN or screen lock, but says it cannot keep passkeys itself here. You can still use a passkey on your phone (QR code) or a security key.",
      screenLockSteps(platform),
      evidence,
    );
  }
  if (verifies === true) {
    return finding(
      "platform-authenticator",
      title,
      "ok",
      "This device says it can keep passkeys behind your fingerprint, face, PIN or screen lock. It is a hint, not proof: Macs and iPhones always say yes, even without Touch ID or iCloud Keychain.",
      null,
      evidence,
    );
  }
  if (verifies === false) {
    const meaning =
      platform.os.name === "Android"
        ? "Android says no only when the phone has no screen lock, and without one it cannot keep passkeys."
        : platform.os.name === "Windows"
          ? "Windows Hello does not seem to be set up, so this PC cannot keep passkeys itself."
          : "This device offers no built-in place to keep passkeys here.";
    return finding(
      "platform-authenticator",
      title,
      "warning",
      `${meaning} You can still use a passkey on your phone (QR code) or a security key.`,
      screenLockSteps(platform),
      evidence,
    );
  }
  return finding(
    "platform-authenticator",
    title,
    "unknown",
    "The browser did not answer whether this device has a built-in authenticator.",
    null,
    evidence,
  );
}

/** One row for autofill: isConditionalMediationAvailable() leads, getClientCapabilities().conditionalGet fills in. */
export function autofillFinding({ snapshot, platform }: FindingContext): Finding {
  const title = "Passkeys in autofill";
  if (noPasskeyApi({ snapshot, platform })) return nothingToAsk("autofill", title);
  const conditionalMediation = snapshot.conditionalMediation ?? reportedCapabilities(snapshot).conditionalGet ?? null;
  const evidence = [
    snapshot.conditionalMediation == null
      ? "isConditionalMediationAvailable() not answered"
      : `isConditionalMediationAvailable() ${snapshot.conditionalMediation}`,
    capabilityEvidence(snapshot, ["conditionalGet"]),
  ]
    .filter(Boolean)
    .join("; ");
  if (conditionalMediation === true) {
    return finding(
      "autofill",
      title,
      "ok",
      "Your passkeys can be offered in the sign-in form's suggestions, as you type or tap the username field.",
      null,
      evidence,
    );
  }
  const support = supports("autofill", platform);
  const update =
    support.status === "no" && support.byVersion
      ? support.blockedBy === "os"
        ? updateOsSteps(platform)
        : updateBrowserSteps(platform)
      : null;
  const elsewhere = support.status === "no" && !support.byVersion ? browsersWithSupport("autofill", platform) : [];
  const fix = [
    "Use the “Sign in with a passkey” button instead.",
    update && `To get autofill: ${update}`,
    elsewhere.length > 0 && `Autofill works in ${elsewhere.join(" or ")} on ${platform.os.name}.`,
  ]
    .filter(Boolean)
    .join(" ");
  if (conditionalMediation === false) {
    return finding(
      "autofill",
      title,
      "warning",
      "This browser will not offer passkeys among the sign-in form's suggestions.",
      fix,
      `${evidence}; matrix: ${support.reason}`,
    );
  }
  return finding(
    "autofill",
    title,
    "unknown",
    "The browser could not say whether it offers passkeys in autofill (isConditionalMediationAvailable needs Chrome 108, Firefox 119 or Safari 16).",
    support.status === "no" ? fix : null,
    `${evidence}; matrix: ${support.reason}`,
  );
}
