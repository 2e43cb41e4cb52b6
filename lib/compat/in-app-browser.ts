// In-app browsers (the web views inside social and chat apps) are the commonest reason passkeys "do nothing": an
// Android WebView has no WebAuthn at all (docs/compat.md), and an iOS app's WKWebView only offers it to the app's own
// associated domains. The fix is always the same: open the page in the real browser.

/** App tokens as they appear in those apps' User-Agent strings. */
const APP_TOKENS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bFBAN\/|\bFBAV\/|\bFB_IAB\/|\bFB4A\b/, "Facebook"],
  [/\bInstagram\b/, "Instagram"],
  [/\[LinkedInApp\]|\bLinkedInApp\b/, "LinkedIn"],
  [/\bmusical_ly_|\bBytedanceWebview\b|\bTikTok\b/i, "TikTok"],
  [/\bMicroMessenger\//, "WeChat"],
  [/\bSnapchat\b/, "Snapchat"],
  [/\bPinterest\b/, "Pinterest"],
  [/\bTwitter\b/, "X (Twitter)"],
  [/\bLine\/\d/, "LINE"],
];

export const ANDROID_WEBVIEW = "Android WebView";
export const IOS_WEBVIEW = "An app's built-in browser (iOS WKWebView)";

export function detectInAppBrowser(userAgent: string, brands: readonly string[]): string | null {
  for (const [token, app] of APP_TOKENS) if (token.test(userAgent)) return app;
  // Android WebView marks itself with "; wv)" in the UA and, in newer versions, an "Android WebView" brand.
  if (/; wv\)/.test(userAgent) || brands.includes(ANDROID_WEBVIEW)) return ANDROID_WEBVIEW;
  // Every iOS browser (Safari, Chrome, Firefox, Edge) ends its UA with a Safari/ token; a bare WKWebView does not.
  if (/\((iPhone|iPad|iPod);/.test(userAgent) && !/\bSafari\//.test(userAgent)) return IOS_WEBVIEW;
  return null;
}

/**
 * Which words name it: the findings' messages choose with an ICU select on this ("the Facebook app's built-in browser",
 * or "an app's built-in browser" when only the web view is known), so each language words it whole.
 */
export function inAppBrowserKind(app: string): "androidWebView" | "iosWebView" | "named" {
  if (app === ANDROID_WEBVIEW) return "androidWebView";
  if (app === IOS_WEBVIEW) return "iosWebView";
  return "named";
}
