// Where the page runs and whether it can talk to the site: cookies and the server (tested directly, since private
// windows and blockers leave no reliable WebAuthn signal), in-app browsers and iframes (docs/compat.md).
import type { Translator } from "@/lib/i18n/translator";
import { type Finding, type FindingContext, finding } from "./finding";
import { allowCookiesSteps, openInBrowserSteps } from "./fix-steps";
import { ANDROID_WEBVIEW, inAppBrowserKind } from "./in-app-browser";
import { serverUnreachableFinding } from "./server-unreachable";

export function cookiesFinding({ snapshot, platform, steps }: FindingContext, t: Translator<"findings">): Finding {
  const title = t("cookies.title");
  if (snapshot.cookiesEnabled === false || snapshot.cookieRoundTrip === "failed") {
    return finding(
      "cookies",
      title,
      "problem",
      t("cookies.failed"),
      allowCookiesSteps(platform, steps),
      `cookiesEnabled ${snapshot.cookiesEnabled ?? "unknown"}, round trip ${snapshot.cookieRoundTrip ?? "unknown"}`,
    );
  }
  if (snapshot.cookieRoundTrip === "ok") return finding("cookies", title, "ok", t("cookies.ok"), null);
  return finding("cookies", title, "unknown", t("cookies.unknown"), null);
}

export function serverReachableFinding({ snapshot }: FindingContext, t: Translator<"findings">): Finding {
  const title = t("serverReachable.title");
  if (snapshot.serverReachable === "ok") return finding("server-reachable", title, "ok", t("serverReachable.ok"), null);
  if (snapshot.serverReachable === "failed") return serverUnreachableFinding(t);
  return finding("server-reachable", title, "unknown", t("serverReachable.unknown"), null);
}

export function inAppBrowserFinding({ snapshot, platform, steps }: FindingContext, t: Translator<"findings">): Finding {
  const title = t("inAppBrowser.title");
  if (!snapshot.userAgent) return finding("in-app-browser", title, "unknown", t("inAppBrowser.unknown"), null);
  const app = platform.inAppBrowser;
  if (!app) return finding("in-app-browser", title, "ok", t("inAppBrowser.ok"), null);
  // Android WebView has no WebAuthn at all; an app's WKWebView on iOS only offers it to the app's own domains.
  const where = { kind: inAppBrowserKind(app), app };
  const meaning =
    platform.os.name === "Android" || app === ANDROID_WEBVIEW
      ? t("inAppBrowser.noSupport", where)
      : t("inAppBrowser.notWorking", where);
  return finding(
    "in-app-browser",
    title,
    "problem",
    meaning,
    openInBrowserSteps(platform, steps),
    `in-app browser: ${app}`,
  );
}

export function iframeFinding({ snapshot }: FindingContext, t: Translator<"findings">): Finding {
  const title = t("iframe.title");
  if (snapshot.inIframe === false) return finding("iframe", title, "ok", t("iframe.ok"), null);
  if (snapshot.inIframe !== true) return finding("iframe", title, "unknown", t("iframe.unknown"), null);
  if (snapshot.crossOriginIframe === false) {
    return finding("iframe", title, "ok", t("iframe.sameSite"), null, "same-origin iframe");
  }
  const origin = snapshot.location?.origin;
  return finding(
    "iframe",
    title,
    "warning",
    t("iframe.otherSite"),
    origin ? t("iframe.otherSiteFix", { address: origin }) : t("iframe.otherSiteFixNoAddress"),
    snapshot.crossOriginIframe
      ? "cross-origin iframe: needs the publickey-credentials-get/-create permissions policy"
      : "iframe of unknown origin",
  );
}
