// Can this page use WebAuthn at all: script, a secure origin that is a domain name, a PublicKeyCredential, and whether an
// extension stands in for it (docs/compat.md, detection).
import type { Translator } from "@/lib/i18n/translator";
import { type Finding, type FindingContext, finding } from "./finding";
import { openInBrowserSteps } from "./fix-steps";
import { inAppBrowserKind } from "./in-app-browser";
import { missingApiFinding } from "./webauthn-missing";

/** The snapshot exists only if script ran; the page's <noscript> block shows `noJavaScriptFinding` instead. */
export function javascriptFinding(_context: FindingContext, t: Translator<"findings">): Finding {
  return finding("javascript", t("javascript.title"), "ok", t("javascript.ok"), null);
}

export function noJavaScriptFinding(t: Translator<"findings">): Finding {
  return finding("javascript", t("javascript.title"), "problem", t("javascript.off"), t("javascript.offFix"));
}

/** WebAuthn needs a valid domain as RP ID, so an IP-address origin throws SecurityError even where it is secure. */
export function isIpAddress(hostname: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.includes(":") || hostname.startsWith("[");
}

export function secureContextFinding({ snapshot }: FindingContext, t: Translator<"findings">): Finding {
  const title = t("secureContext.title");
  const { location, isSecureContext } = snapshot;
  if (location && isIpAddress(location.hostname)) {
    const local = /^(127\.|\[::1\]|::1)/.test(location.hostname);
    return finding(
      "secure-context",
      title,
      "problem",
      t("secureContext.ipAddress", { host: location.hostname }),
      local ? t("secureContext.ipAddressLocalFix") : t("secureContext.ipAddressFix"),
      `origin ${location.origin}: an IP address is not a valid RP ID, so WebAuthn throws SecurityError`,
    );
  }
  if (isSecureContext === true) return finding("secure-context", title, "ok", t("secureContext.ok"), null);
  if (isSecureContext === false) {
    return finding(
      "secure-context",
      title,
      "problem",
      t("secureContext.notSecure"),
      location
        ? t("secureContext.notSecureFix", { address: location.origin.replace(/^http:/, "https:") })
        : t("secureContext.notSecureFixNoAddress"),
      `isSecureContext false on ${location?.origin ?? "an unknown origin"}`,
    );
  }
  return finding("secure-context", title, "unknown", t("secureContext.unknown"), null);
}

export function webauthnPresentFinding(context: FindingContext, t: Translator<"findings">): Finding {
  const { snapshot, platform, steps } = context;
  const title = t("webauthnPresent.title");
  const credential = snapshot.publicKeyCredential;
  if (!credential) return finding("webauthn-present", title, "unknown", t("webauthnPresent.notRun"), null);
  if (credential.present) return finding("webauthn-present", title, "ok", t("webauthnPresent.ok"), null);
  const detail = "typeof PublicKeyCredential !== 'function'";
  if (platform.inAppBrowser) {
    return finding(
      "webauthn-present",
      title,
      "problem",
      t("webauthnPresent.inApp", { kind: inAppBrowserKind(platform.inAppBrowser), app: platform.inAppBrowser }),
      openInBrowserSteps(platform, steps),
      detail,
    );
  }
  if (snapshot.isSecureContext === false) {
    return finding(
      "webauthn-present",
      title,
      "problem",
      t("webauthnPresent.notSecure", { check: t("secureContext.title") }),
      t("webauthnPresent.notSecureFix"),
      detail,
    );
  }
  return missingApiFinding(context, t, title);
}

export function webauthnNativeFinding({ snapshot }: FindingContext, t: Translator<"findings">): Finding {
  const title = t("webauthnNative.title");
  const credential = snapshot.publicKeyCredential;
  if (!credential?.present) return finding("webauthn-native", title, "unknown", t("webauthnNative.nothing"), null);
  const choose = t("webauthnNative.chooseFix");
  const replaced =
    (credential.constructorName && credential.constructorName !== "PublicKeyCredential") || credential.native === false;
  if (replaced) {
    const bitwarden = credential.constructorName === "PolyfillPublicKeyCredential";
    return finding(
      "webauthn-native",
      title,
      "warning",
      bitwarden ? t("webauthnNative.replacedByBitwarden") : t("webauthnNative.replaced"),
      choose,
      `PublicKeyCredential is ${credential.constructorName ?? "unnamed"}${credential.native === false ? ", not native code" : ""}`,
    );
  }
  const own = credential.ownPropertiesOnCredentials ?? [];
  const wrapped = [credential.wrappedGet && "get", credential.wrappedCreate && "create"].filter(
    (name): name is string => Boolean(name),
  );
  if (wrapped.length > 0 || own.length > 0) {
    return finding(
      "webauthn-native",
      title,
      "warning",
      t("webauthnNative.intercepted"),
      choose,
      [
        wrapped.length > 0 && `navigator.credentials.${wrapped.join("/")} wrapped`,
        own.length > 0 && `own properties: ${own.join(", ")}`,
      ]
        .filter(Boolean)
        .join("; "),
    );
  }
  return finding(
    "webauthn-native",
    title,
    "ok",
    t("webauthnNative.ok"),
    null,
    "PublicKeyCredential and navigator.credentials.get/create are native; webAuthenticationProxy extensions are invisible here",
  );
}
