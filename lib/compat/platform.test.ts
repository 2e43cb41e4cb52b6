import { describe, expect, it } from "vitest";
import { detectPlatform } from "./platform";
import { UA, healthySnapshot, hints, uaOnly } from "./test-snapshots";

type Row = [
  string,
  ReturnType<typeof healthySnapshot>,
  { os: string; version: string | null; source: string; label: string; browser: string; major: number | null },
];

const rows: Row[] = [
  [
    "Windows 11 via client hints (UA says NT 10.0)",
    healthySnapshot(),
    { os: "Windows", version: "11", source: "client-hints", label: "Windows 11", browser: "Chrome", major: 131 },
  ],
  [
    "Windows 10 via client hints",
    healthySnapshot({ userAgentData: hints("Google Chrome", "131", "Windows", "10.0.0") }),
    { os: "Windows", version: "10", source: "client-hints", label: "Windows 10", browser: "Chrome", major: 131 },
  ],
  [
    "Windows Chrome without client hints",
    uaOnly(UA.chromeWindows),
    { os: "Windows", version: null, source: "none", label: "Windows 10 or 11", browser: "Chrome", major: 131 },
  ],
  [
    "Edge 122 named by its brand",
    healthySnapshot({ userAgent: UA.edge122, userAgentData: hints("Microsoft Edge", "122", "Windows", "15.0.0") }),
    { os: "Windows", version: "11", source: "client-hints", label: "Windows 11", browser: "Edge", major: 122 },
  ],
  [
    "Edge 122 from its UA alone",
    uaOnly(UA.edge122),
    { os: "Windows", version: null, source: "none", label: "Windows 10 or 11", browser: "Edge", major: 122 },
  ],
  [
    "Brave, whose UA is Chrome's, named by its brand",
    healthySnapshot({ userAgentData: hints("Brave", "131", "Windows", "15.0.0") }),
    { os: "Windows", version: "11", source: "client-hints", label: "Windows 11", browser: "Brave", major: 131 },
  ],
  [
    "macOS Safari 17: frozen 10_15_7 is not a version",
    uaOnly(UA.safariMac17),
    { os: "macOS", version: null, source: "none", label: "macOS", browser: "Safari", major: 17 },
  ],
  [
    "macOS Safari 18",
    uaOnly(UA.safariMac18),
    { os: "macOS", version: null, source: "none", label: "macOS", browser: "Safari", major: 18 },
  ],
  [
    "macOS Chrome with platformVersion 15.1.0",
    healthySnapshot({ userAgent: UA.chromeMac, userAgentData: hints("Google Chrome", "131", "macOS", "15.1.0") }),
    { os: "macOS", version: "15.1", source: "client-hints", label: "macOS 15.1", browser: "Chrome", major: 131 },
  ],
  [
    "iOS 17 Safari",
    uaOnly(UA.safariIos17),
    { os: "iOS", version: "17.5", source: "user-agent", label: "iOS 17.5", browser: "Safari", major: 17 },
  ],
  [
    "iOS 26 Safari: Version/26 beats the frozen 18_6",
    uaOnly(UA.safariIos26),
    { os: "iOS", version: "26.0", source: "user-agent", label: "iOS 26.0", browser: "Safari", major: 26 },
  ],
  [
    "Chrome on iOS 26: 18.6 is only a minimum",
    uaOnly(UA.chromeIos26),
    { os: "iOS", version: "18.6", source: "user-agent", label: "iOS 18.6 or later", browser: "Chrome", major: 138 },
  ],
  [
    "iPad Safari",
    uaOnly(UA.safariIpad),
    { os: "iPadOS", version: "17.5", source: "user-agent", label: "iPadOS 17.5", browser: "Safari", major: 17 },
  ],
  [
    "Android Chrome: reduced 'Android 10; K' replaced by platformVersion",
    healthySnapshot({
      userAgent: UA.chromeAndroid,
      userAgentData: hints("Google Chrome", "131", "Android", "14.0.0", true),
    }),
    { os: "Android", version: "14", source: "client-hints", label: "Android 14", browser: "Chrome", major: 131 },
  ],
  [
    "Android Chrome reduced UA without hints",
    uaOnly(UA.chromeAndroid),
    { os: "Android", version: null, source: "none", label: "Android", browser: "Chrome", major: 131 },
  ],
  [
    "Firefox 135 on Linux",
    uaOnly(UA.firefoxLinux),
    { os: "Linux", version: null, source: "none", label: "Linux", browser: "Firefox", major: 135 },
  ],
  [
    "Firefox on Android keeps the real version",
    uaOnly(UA.firefoxAndroid),
    { os: "Android", version: "14", source: "user-agent", label: "Android 14", browser: "Firefox", major: 135 },
  ],
  [
    "Samsung Internet",
    uaOnly(UA.samsungInternet),
    { os: "Android", version: null, source: "none", label: "Android", browser: "Samsung Internet", major: 27 },
  ],
  [
    "ChromeOS",
    uaOnly(UA.chromeOs),
    { os: "ChromeOS", version: null, source: "none", label: "ChromeOS", browser: "Chrome", major: 131 },
  ],
  [
    "Android WebView",
    uaOnly(UA.androidWebView),
    { os: "Android", version: "14", source: "user-agent", label: "Android 14", browser: "Android WebView", major: 127 },
  ],
  [
    "no User-Agent at all",
    uaOnly(""),
    { os: "Unknown", version: null, source: "none", label: "Unknown", browser: "Unknown", major: null },
  ],
];

describe("detectPlatform", () => {
  it.each(rows)("%s", (_name, snapshot, expected) => {
    const { os, browser } = detectPlatform(snapshot);
    expect({
      os: os.name,
      version: os.version,
      source: os.versionSource,
      label: os.label,
      browser: browser.name,
      major: browser.majorVersion,
    }).toEqual(expected);
  });

  it.each([
    ["Facebook on iOS", UA.facebookIos, "Facebook"],
    ["Facebook on Android", UA.facebookAndroid, "Facebook"],
    ["Instagram", UA.instagramIos, "Instagram"],
    ["LinkedIn", UA.linkedInIos, "LinkedIn"],
    ["TikTok", UA.tikTokIos, "TikTok"],
    ["WeChat", UA.weChatIos, "WeChat"],
    ["Android WebView (; wv)", UA.androidWebView, "Android WebView"],
    ["iOS WKWebView without a Safari token", UA.wkWebViewIos, "An app's built-in browser (iOS WKWebView)"],
    ["Chrome on iOS is a real browser", UA.chromeIos26, null],
    ["Safari is a real browser", UA.safariIos17, null],
    ["Samsung Internet is a real browser", UA.samsungInternet, null],
  ])("names the in-app browser: %s", (_name, userAgent, app) => {
    expect(detectPlatform(uaOnly(userAgent)).inAppBrowser).toBe(app);
  });

  it("ignores GREASE brands and recognises an Android WebView by its brand", () => {
    const snapshot = healthySnapshot({
      userAgent: UA.chromeAndroid,
      userAgentData: {
        brands: [
          { brand: "Not)A;Brand", version: "99" },
          { brand: "Android WebView", version: "131" },
          { brand: "Chromium", version: "131" },
        ],
      },
    });
    expect(detectPlatform(snapshot)).toMatchObject({
      browser: { name: "Android WebView", majorVersion: 131 },
      inAppBrowser: "Android WebView",
    });
  });

  it("reads the engine that decides web APIs: WebKit at the iOS version for every iOS browser, Chromium for Samsung Internet", () => {
    expect(detectPlatform(uaOnly(UA.chromeIos26)).engine).toEqual({
      name: "WebKit",
      version: "18.6",
      versionIsMinimum: true,
    });
    expect(detectPlatform(uaOnly(UA.samsungInternet)).engine).toEqual({
      name: "Blink",
      version: "125.0.0.0",
      versionIsMinimum: false,
    });
    expect(detectPlatform(uaOnly(UA.firefoxLinux)).engine).toMatchObject({ name: "Gecko", version: "135.0" });
  });
});
