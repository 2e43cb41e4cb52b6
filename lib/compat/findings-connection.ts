// Where the page runs and whether it can talk to the site: cookies and the server (tested directly, since private
// windows and blockers leave no reliable WebAuthn signal), in-app browsers and iframes (docs/compat.md).
import { type Finding, type FindingContext, finding } from "./finding";
import { allowCookiesSteps, openInBrowserSteps } from "./fix-steps";
import { ANDROID_WEBVIEW, inAppBrowserPhrase } from "./in-app-browser";
import { serverUnreachableFinding } from "./server-unreachable";

export function cookiesFinding({ snapshot, platform }: FindingContext): Finding {
  const title = "Cookies";
  if (snapshot.cookiesEnabled === false || snapshot.cookieRoundTrip === "failed") {
    return finding(
      "cookies",
      title,
      "problem",
      "This site could not keep a cookie in your browser, so it cannot keep you signed in after a passkey check.",
      allowCookiesSteps(platform),
      `cookiesEnabled ${snapshot.cookiesEnabled ?? "unknown"}, round trip ${snapshot.cookieRoundTrip ?? "unknown"}`,
    );
  }
  if (snapshot.cookieRoundTrip === "ok")
    return finding("cookies", title, "ok", "Cookies work, so this site can keep you signed in.", null);
  return finding("cookies", title, "unknown", "The cookie test did not finish.", null);
}

export function serverReachableFinding({ snapshot }: FindingContext): Finding {
  const title = "Connection to this site";
  if (snapshot.serverReachable === "ok")
    return finding("server-reachable", title, "ok", "The page can reach this site's server.", null);
  if (snapshot.serverReachable === "failed") return serverUnreachableFinding;
  return finding("server-reachable", title, "unknown", "The connection test did not finish.", null);
}

export function inAppBrowserFinding({ snapshot, platform }: FindingContext): Finding {
  const title = "Real browser, not an app's built-in one";
  if (!snapshot.userAgent)
    return finding("in-app-browser", title, "unknown", "The browser did not identify itself.", null);
  const app = platform.inAppBrowser;
  if (!app)
    return finding("in-app-browser", title, "ok", "This is a real browser, not a web view inside another app.", null);
  // Android WebView has no WebAuthn at all; an app's WKWebView on iOS only offers it to the app's own domains.
  const where = inAppBrowserPhrase(app);
  const meaning =
    platform.os.name === "Android" || app === ANDROID_WEBVIEW
      ? `You are inside ${where}, which has no passkey support at all.`
      : `You are inside ${where}, where passkeys do not work.`;
  return finding("in-app-browser", title, "problem", meaning, openInBrowserSteps(platform), `in-app browser: ${app}`);
}

export function iframeFinding({ snapshot }: FindingContext): Finding {
  const title = "Page shown on its own";
  const origin = snapshot.location?.origin ?? "this site";
  if (snapshot.inIframe === false)
    return finding("iframe", title, "ok", "The page is open on its own, not inside another page.", null);
  if (snapshot.inIframe !== true)
    return finding("iframe", title, "unknown", "The page could not tell whether it is inside another page.", null);
  if (snapshot.crossOriginIframe === false) {
    return finding(
      "iframe",
      title,
      "ok",
      "The page is shown inside another page of the same site, which does not get in the way of passkeys.",
      null,
      "same-origin iframe",
    );
  }
  return finding(
    "iframe",
    title,
    "warning",
    "The page is shown inside another website. Passkeys work there only if that website allows it; otherwise requests fail (NotAllowedError).",
    `Open ${origin} in its own tab.`,
    snapshot.crossOriginIframe
      ? "cross-origin iframe: needs the publickey-credentials-get/-create permissions policy"
      : "iframe of unknown origin",
  );
}
