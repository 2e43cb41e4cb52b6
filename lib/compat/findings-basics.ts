// Can this page use WebAuthn at all: script, a secure origin that is a domain name, a PublicKeyCredential, and whether an
// extension stands in for it (docs/compat.md, detection).
import { type Finding, type FindingContext, finding } from "./finding";
import { openInBrowserSteps } from "./fix-steps";
import { missingApiFinding } from "./webauthn-missing";

/** The snapshot exists only if script ran; the page's <noscript> block shows `noJavaScriptFinding` instead. */
export function javascriptFinding(): Finding {
  return finding(
    "javascript",
    "JavaScript",
    "ok",
    "JavaScript runs, which passkeys need: the browser asks for them only from a script.",
    null,
  );
}

export const noJavaScriptFinding: Finding = finding(
  "javascript",
  "JavaScript",
  "problem",
  "JavaScript is off, and passkeys only work through a script on the page.",
  "Turn JavaScript on for this site in your browser's settings (or in your script blocker), then reload.",
);

/** WebAuthn needs a valid domain as RP ID, so an IP-address origin throws SecurityError even where it is secure. */
export function isIpAddress(hostname: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.includes(":") || hostname.startsWith("[");
}

export function secureContextFinding({ snapshot }: FindingContext): Finding {
  const title = "Secure connection";
  const { location, isSecureContext } = snapshot;
  if (location && isIpAddress(location.hostname)) {
    const local = /^(127\.|\[::1\]|::1)/.test(location.hostname);
    return finding(
      "secure-context",
      title,
      "problem",
      `This page was opened by an IP address (${location.hostname}). Browsers refuse passkeys on IP addresses: they only work on a site's name.`,
      local
        ? "Open the site as http://localhost (with the same port) instead of the IP address."
        : "Open the site by its usual web address (a name, not numbers). If someone sent you this link, ask them for the proper one.",
      `origin ${location.origin}: an IP address is not a valid RP ID, so WebAuthn throws SecurityError`,
    );
  }
  if (isSecureContext === true)
    return finding("secure-context", title, "ok", "The connection is secure, as passkeys require.", null);
  if (isSecureContext === false) {
    const https = location ? location.origin.replace(/^http:/, "https:") : "the https:// address";
    return finding(
      "secure-context",
      title,
      "problem",
      "This page is not on a secure (https) connection, and browsers only offer passkeys on secure pages.",
      `Open ${https} instead (note the s in https).`,
      `isSecureContext false on ${location?.origin ?? "an unknown origin"}`,
    );
  }
  return finding("secure-context", title, "unknown", "The browser did not say whether this page is secure.", null);
}

export function webauthnPresentFinding({ snapshot, platform }: FindingContext): Finding {
  const title = "Passkey support in this browser";
  const credential = snapshot.publicKeyCredential;
  if (!credential)
    return finding("webauthn-present", title, "unknown", "The check for passkey support did not run.", null);
  if (credential.present)
    return finding("webauthn-present", title, "ok", "This browser can create and use passkeys.", null);
  const detail = "typeof PublicKeyCredential !== 'function'";
  if (platform.inAppBrowser) {
    return finding(
      "webauthn-present",
      title,
      "problem",
      `The browser built into ${platform.inAppBrowser} has no passkey support.`,
      openInBrowserSteps(platform),
      detail,
    );
  }
  if (snapshot.isSecureContext === false) {
    return finding(
      "webauthn-present",
      title,
      "problem",
      "Passkey support is switched off because this page is not secure (see Secure connection).",
      "Open the https:// address of this site.",
      detail,
    );
  }
  return missingApiFinding({ snapshot, platform }, title);
}

export function webauthnNativeFinding({ snapshot }: FindingContext): Finding {
  const title = "Passkey requests reach the browser";
  const credential = snapshot.publicKeyCredential;
  if (!credential?.present)
    return finding("webauthn-native", title, "unknown", "There is no passkey support to inspect.", null);
  const choose =
    "If you want the passkey saved on this device or in another manager, pick that option in the extension's prompt (often “use another device” or “use a passkey on this device”), or turn the extension off for this site. If you use that manager on purpose, make sure it is installed and signed in wherever you want to sign in.";
  const replaced =
    (credential.constructorName && credential.constructorName !== "PublicKeyCredential") || credential.native === false;
  if (replaced) {
    const bitwarden = credential.constructorName === "PolyfillPublicKeyCredential" ? " (this one is Bitwarden's)" : "";
    return finding(
      "webauthn-native",
      title,
      "warning",
      `A password manager extension has replaced this browser's passkey support${bitwarden}. Passkeys are created in and read from that extension first.`,
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
      "A browser extension, usually a password manager, intercepts passkey requests on this page, so passkeys may be saved in it instead of on this device.",
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
    "No extension visibly takes over passkey requests. Some (1Password) use a browser channel this check cannot see; the provider shown next to each of your passkeys is the dependable signal.",
    null,
    "PublicKeyCredential and navigator.credentials.get/create are native; webAuthenticationProxy extensions are invisible here",
  );
}
