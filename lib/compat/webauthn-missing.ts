// A browser without PublicKeyCredential. Judge its version first: below the API's floor (Chrome 67, Firefox 60,
// Safari 13: MDN browser-compat-data) it is too old and an update brings passkeys. At or above it, the browser has the
// API built in, so something removed or blocked it on this page: an extension, an enterprise policy, an embedded
// browser (web view) or a script on the page. Updating does not help then, so the finding names the causes that fit
// this platform, each with its fix, instead.
import { type Finding, type FindingContext, type LikelyCause, finding } from "./finding";
import { openInBrowserSteps, updateBrowserSteps } from "./fix-steps";
import type { Platform } from "./platform-types";
import { supports } from "./supports";

export type BrowserAge = "current" | "old" | "unknown";

const DESKTOP: ReadonlyArray<Platform["os"]["name"]> = ["Windows", "macOS", "Linux", "ChromeOS"];

/** "current": new enough to have the passkey API built in; "old": older than that; "unknown": the version is hidden. */
export function judgeBrowserAge(platform: Platform): BrowserAge {
  const support = supports("webauthn", platform);
  if (support.status === "yes") return "current";
  return support.status === "no" && support.byVersion ? "old" : "unknown";
}

const isDesktop = (platform: Platform) => DESKTOP.includes(platform.os.name);
const isWebView = (platform: Platform) => ["Android WebView", "Other", "Unknown"].includes(platform.browser.name);

function extensionCause(platform: Platform): LikelyCause {
  const privateWindow =
    platform.browser.name === "Safari" || platform.browser.name === "Firefox"
      ? "a private window"
      : "an incognito (private) window";
  return {
    cause: "A browser extension (a privacy, security or script blocker) removed passkey support from this page.",
    fix: `Open this page in ${privateWindow}, where most extensions are off. If passkeys work there, turn your extensions off one at a time, starting with privacy and security tools, to find the one that removes them.`,
  };
}

function policyCause(platform: Platform): LikelyCause {
  const where =
    platform.browser.name === "Firefox"
      ? "Open about:policies: it lists the rules your organisation set for Firefox."
      : platform.browser.name === "Safari"
        ? "Look in System Settings → Privacy & Security → Profiles for a profile from your organisation."
        : `Open ${platform.browser.name === "Edge" ? "edge://management" : "chrome://management"}: it says whether your organisation manages this browser.`;
  return {
    cause:
      "Your organisation manages this browser and has turned passkeys (WebAuthn) off: common on work and school computers.",
    fix: `${where} If it does, ask your IT department to allow passkeys for this site, or use a personal device.`,
  };
}

function webViewCause(platform: Platform): LikelyCause {
  return {
    cause: "This page is open inside an app's built-in browser (a web view), which often has no passkey support.",
    fix: openInBrowserSteps(platform),
  };
}

const SCRIPT_CAUSE: LikelyCause = {
  cause:
    "A script on the page (a user-script manager such as Tampermonkey, a translation or link-rewriting service) took passkey support away.",
  fix: "Turn user scripts and page-changing tools off for this site, or open the site's own address directly rather than through another service, then reload.",
};

/** The causes that fit this platform, the likeliest first: web views on phones, extensions and policies on computers. */
export function likelyCausesOfMissingApi(platform: Platform): LikelyCause[] {
  const causes: LikelyCause[] = [];
  if (isWebView(platform) || !isDesktop(platform)) causes.push(webViewCause(platform));
  if (platform.browser.name !== "Android WebView") causes.push(extensionCause(platform));
  if (isDesktop(platform)) causes.push(policyCause(platform));
  causes.push(SCRIPT_CAUSE);
  return causes;
}

/** The webauthn-present finding for a real browser (not an in-app one) on a secure page without PublicKeyCredential. */
export function missingApiFinding({ platform }: FindingContext, title: string): Finding {
  const detail = `typeof PublicKeyCredential !== 'function'; ${supports("webauthn", platform).reason}`;
  const age = judgeBrowserAge(platform);
  const label = platform.browser.label;
  if (age === "old") {
    return finding(
      "webauthn-present",
      title,
      "problem",
      `${label} is too old for passkeys: they came in Chrome 67, Firefox 60 and Safari 13.`,
      `${updateBrowserSteps(platform)} Or use a current Chrome, Edge, Firefox or Safari.`,
      detail,
    );
  }
  const causes = likelyCausesOfMissingApi(platform);
  if (age === "unknown") {
    causes.push({
      cause: `${label} may be too old for passkeys (they came in Chrome 67, Firefox 60 and Safari 13).`,
      fix: updateBrowserSteps(platform),
    });
  }
  const meaning =
    age === "current"
      ? `${label} has passkey support built in, but this page cannot reach it: something removed or blocked it here. Updating the browser will not bring it back.`
      : `${label} offers no passkey support on this page. Its version could not be read: something may have removed or blocked passkey support, or the browser may be old.`;
  return {
    ...finding(
      "webauthn-present",
      title,
      "problem",
      meaning,
      "Go through the likely causes below, the likeliest first.",
      detail,
    ),
    causes,
  };
}
