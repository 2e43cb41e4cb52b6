// A browser without PublicKeyCredential. Judge its version first: below the API's floor (Chrome 67, Firefox 60,
// Safari 13: MDN browser-compat-data) it is too old and an update brings passkeys. At or above it, the browser has the
// API built in, so something removed or blocked it on this page: an extension, an enterprise policy, an embedded
// browser (web view) or a script on the page. Updating does not help then, so the finding names the causes that fit
// this platform, each with its fix, instead.
import type { Translator } from "@/lib/i18n/translator";
import { type Finding, type FindingContext, type LikelyCause, finding } from "./finding";
import { openInBrowserSteps, updateBrowserSteps } from "./fix-steps";
import { browserLabel } from "./platform-labels";
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

function extensionCause(platform: Platform, t: Translator<"findings">): LikelyCause {
  const privateWindow =
    platform.browser.name === "Safari" || platform.browser.name === "Firefox" ? "private" : "incognito";
  return { cause: t("missingApi.extensionCause"), fix: t("missingApi.extensionFix", { privateWindow }) };
}

function policyCause(platform: Platform, t: Translator<"findings">): LikelyCause {
  const fix =
    platform.browser.name === "Firefox"
      ? t("missingApi.policyFixFirefox")
      : platform.browser.name === "Safari"
        ? t("missingApi.policyFixSafari")
        : t("missingApi.policyFixChromium", {
            page: platform.browser.name === "Edge" ? "edge://management" : "chrome://management",
          });
  return { cause: t("missingApi.policyCause"), fix };
}

function webViewCause(platform: Platform, t: Translator<"findings">, steps: Translator<"fixSteps">): LikelyCause {
  return { cause: t("missingApi.webViewCause"), fix: openInBrowserSteps(platform, steps) };
}

const scriptCause = (t: Translator<"findings">): LikelyCause => ({
  cause: t("missingApi.scriptCause"),
  fix: t("missingApi.scriptFix"),
});

/** The causes that fit this platform, the likeliest first: web views on phones, extensions and policies on computers. */
export function likelyCausesOfMissingApi(
  platform: Platform,
  t: Translator<"findings">,
  steps: Translator<"fixSteps">,
): LikelyCause[] {
  const causes: LikelyCause[] = [];
  if (isWebView(platform) || !isDesktop(platform)) causes.push(webViewCause(platform, t, steps));
  if (platform.browser.name !== "Android WebView") causes.push(extensionCause(platform, t));
  if (isDesktop(platform)) causes.push(policyCause(platform, t));
  causes.push(scriptCause(t));
  return causes;
}

/** The webauthn-present finding for a real browser (not an in-app one) on a secure page without PublicKeyCredential. */
export function missingApiFinding(
  { platform, steps }: FindingContext,
  t: Translator<"findings">,
  title: string,
): Finding {
  const detail = `typeof PublicKeyCredential !== 'function'; ${supports("webauthn", platform).reason}`;
  const age = judgeBrowserAge(platform);
  const browser = browserLabel(platform.browser, t);
  if (age === "old") {
    return finding(
      "webauthn-present",
      title,
      "problem",
      t("missingApi.tooOld", { browser }),
      t("missingApi.tooOldFix", { steps: updateBrowserSteps(platform, steps) }),
      detail,
    );
  }
  const causes = likelyCausesOfMissingApi(platform, t, steps);
  if (age === "unknown") {
    causes.push({ cause: t("missingApi.mayBeTooOld", { browser }), fix: updateBrowserSteps(platform, steps) });
  }
  const meaning = age === "current" ? t("missingApi.blocked", { browser }) : t("missingApi.blockedOrOld", { browser });
  return {
    ...finding("webauthn-present", title, "problem", meaning, t("missingApi.goThroughCauses"), detail),
    causes,
  };
}
