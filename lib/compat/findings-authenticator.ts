// The device's own authenticator and autofill, from isUserVerifyingPlatformAuthenticatorAvailable() and
// isConditionalMediationAvailable(). The first is a weak signal (docs/compat.md, detection): true on every Mac and
// iPhone even without Touch ID or iCloud Keychain, false on Android only without a screen lock, and some extensions
// force it true. So true is "ok, probably", and false is a warning, never a problem: a phone or security key still works.
import type { Translator } from "@/lib/i18n/translator";
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

/** Why a device says it has no built-in authenticator, in words that fit its OS. */
function noAuthenticatorMeaning(os: string, t: Translator<"findings">): string {
  if (os === "Android") return t("platformAuthenticator.noneAndroid");
  if (os === "Windows") return t("platformAuthenticator.noneWindows");
  return t("platformAuthenticator.noneOther");
}

/**
 * One row for the built-in authenticator, from three answers to nearly one question: isUVPAA(), and
 * getClientCapabilities()'s userVerifyingPlatformAuthenticator (the same, asked anew) and passkeyPlatformAuthenticator
 * (that, and it can keep passkeys: WebAuthn L3 §5.1.7). isUVPAA() leads; the capabilities fill in when it did not answer.
 */
export function platformAuthenticatorFinding(context: FindingContext, t: Translator<"findings">): Finding {
  const { snapshot, platform, steps } = context;
  const title = t("platformAuthenticator.title");
  if (noPasskeyApi(context)) return nothingToAsk("platform-authenticator", title, t);
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
      t("platformAuthenticator.verifiesButKeepsNone"),
      screenLockSteps(platform, steps),
      evidence,
    );
  }
  if (verifies === true) {
    return finding("platform-authenticator", title, "ok", t("platformAuthenticator.ok"), null, evidence);
  }
  if (verifies === false) {
    return finding(
      "platform-authenticator",
      title,
      "warning",
      t("platformAuthenticator.none", { reason: noAuthenticatorMeaning(platform.os.name, t) }),
      screenLockSteps(platform, steps),
      evidence,
    );
  }
  return finding("platform-authenticator", title, "unknown", t("platformAuthenticator.unknown"), null, evidence);
}

/** One row for autofill: isConditionalMediationAvailable() leads, getClientCapabilities().conditionalGet fills in. */
export function autofillFinding(context: FindingContext, t: Translator<"findings">): Finding {
  const { snapshot, platform, steps, list } = context;
  const title = t("autofill.title");
  if (noPasskeyApi(context)) return nothingToAsk("autofill", title, t);
  const conditionalMediation = snapshot.conditionalMediation ?? reportedCapabilities(snapshot).conditionalGet ?? null;
  const evidence = [
    snapshot.conditionalMediation == null
      ? "isConditionalMediationAvailable() not answered"
      : `isConditionalMediationAvailable() ${snapshot.conditionalMediation}`,
    capabilityEvidence(snapshot, ["conditionalGet"]),
  ]
    .filter(Boolean)
    .join("; ");
  if (conditionalMediation === true) return finding("autofill", title, "ok", t("autofill.ok"), null, evidence);
  const support = supports("autofill", platform);
  const update =
    support.status === "no" && support.byVersion
      ? support.blockedBy === "os"
        ? updateOsSteps(platform, steps)
        : updateBrowserSteps(platform, steps)
      : null;
  const elsewhere = support.status === "no" && !support.byVersion ? browsersWithSupport("autofill", platform) : [];
  // Each a whole sentence; the language decides how sentences follow each other (no space between them in Chinese).
  const fix = [
    t("autofill.useButton"),
    update && t("autofill.toGetAutofill", { steps: update }),
    elsewhere.length > 0 && t("autofill.worksElsewhere", { browsers: list(elsewhere, "or"), os: platform.os.name }),
  ]
    .filter((sentence): sentence is string => Boolean(sentence))
    .reduce((first, second) => t("twoSentences", { first, second }));
  if (conditionalMediation === false) {
    return finding("autofill", title, "warning", t("autofill.no"), fix, `${evidence}; matrix: ${support.reason}`);
  }
  return finding(
    "autofill",
    title,
    "unknown",
    t("autofill.unknown"),
    support.status === "no" ? fix : null,
    `${evidence}; matrix: ${support.reason}`,
  );
}
