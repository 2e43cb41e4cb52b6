import { describe, expect, it } from "vitest";
import type { FindingStatus } from "./finding";
import { evaluateEnvironment } from "./findings";
import { detectPlatform } from "./platform";
import type { EnvironmentSnapshot } from "./snapshot";
import { UA, healthySnapshot, hints, uaOnly } from "./test-snapshots";
import { english } from "./test-translators";

/** The findings in English, as the existing assertions read them. */
const evaluate = (snapshot: EnvironmentSnapshot) => evaluateEnvironment(snapshot, detectPlatform(snapshot), english);

const noSignals = {
  signalUnknownCredential: false,
  signalAllAcceptedCredentials: false,
  signalCurrentUserDetails: false,
};
const chrome = (platform: string, platformVersion: string | null, overrides: Partial<EnvironmentSnapshot> = {}) =>
  healthySnapshot({
    userAgentData: hints("Google Chrome", "131", platform, platformVersion, platform === "Android"),
    ...overrides,
  });
const edge122 = healthySnapshot({
  userAgent: UA.edge122,
  userAgentData: hints("Microsoft Edge", "122", "Windows", "15.0.0"),
  signalApi: null,
});

/** [case, snapshot, finding id, expected status, substring of the fix (null: no fix)] */
type Row = [string, EnvironmentSnapshot, "os-version" | "browser-version", FindingStatus, string | null];

const rows: Row[] = [
  ["Windows 11 (client hints)", chrome("Windows", "15.0.0"), "os-version", "ok", null],
  [
    "Windows 10 (client hints): device-bound Windows Hello",
    chrome("Windows", "10.0.0"),
    "os-version",
    "warning",
    "Chrome 129 or later",
  ],
  ["Windows Chrome without client hints", uaOnly(UA.chromeWindows), "os-version", "unknown", "winver"],
  [
    "Chrome 131 on Windows 11 predates conditional create",
    chrome("Windows", "15.0.0"),
    "browser-version",
    "warning",
    "About Google Chrome",
  ],
  [
    "Chrome 100: too old for most passkey features",
    healthySnapshot({
      userAgent: UA.chromeWindowsOld,
      userAgentData: hints("Google Chrome", "100", "Windows", "15.0.0"),
      conditionalMediation: null,
    }),
    "browser-version",
    "problem",
    "About Google Chrome",
  ],
  [
    "Edge 122: Windows Hello does not sync, and it predates the Signal API",
    edge122,
    "browser-version",
    "warning",
    "About Microsoft Edge",
  ],
  ["Edge 122: Chrome syncs passkeys on Windows", edge122, "browser-version", "warning", "Available in Chrome"],
  ["macOS Safari 17: macOS version hidden", uaOnly(UA.safariMac17), "os-version", "unknown", "About This Mac"],
  [
    "macOS Safari 17: no conditional create before Safari 18",
    uaOnly(UA.safariMac17),
    "browser-version",
    "warning",
    "Safari updates with macOS",
  ],
  ["macOS Safari 18 with the Signal API reported", uaOnly(UA.safariMac18), "browser-version", "ok", null],
  [
    "macOS Safari 18 without the Signal API (Safari 26)",
    uaOnly(UA.safariMac18, { signalApi: noSignals }),
    "browser-version",
    "warning",
    "Software Update",
  ],
  [
    "macOS Chrome, platformVersion 15.1",
    healthySnapshot({ userAgent: UA.chromeMac, userAgentData: hints("Google Chrome", "131", "macOS", "15.1.0") }),
    "os-version",
    "ok",
    null,
  ],
  [
    "macOS Chrome, platformVersion 12.7: no synced passkeys",
    healthySnapshot({ userAgent: UA.chromeMac, userAgentData: hints("Google Chrome", "131", "macOS", "12.7.0") }),
    "os-version",
    "problem",
    "Software Update",
  ],
  [
    "iOS 15: no synced passkeys",
    uaOnly(UA.safariIos15),
    "os-version",
    "problem",
    "Settings → General → Software Update",
  ],
  ["iOS 17: no conditional create before iOS 18", uaOnly(UA.safariIos17), "os-version", "warning", "Software Update"],
  ["iOS 17 Safari itself is fine", uaOnly(UA.safariIos17), "browser-version", "ok", null],
  ["iOS 26 Safari", uaOnly(UA.safariIos26, { signalApi: null }), "os-version", "ok", null],
  ["iOS 26 Safari has everything", uaOnly(UA.safariIos26, { signalApi: null }), "browser-version", "ok", null],
  [
    "Android Chrome reduced UA + client hints 14",
    chrome("Android", "14.0.0", { userAgent: UA.chromeAndroid }),
    "os-version",
    "ok",
    null,
  ],
  [
    "Android 13: no third-party managers before 14",
    chrome("Android", "13.0.0", { userAgent: UA.chromeAndroid }),
    "os-version",
    "warning",
    "Software update",
  ],
  ["Android reduced UA without client hints", uaOnly(UA.chromeAndroid), "os-version", "unknown", "About phone"],
  ["Firefox 135 on Linux: no OS floor", uaOnly(UA.firefoxLinux), "os-version", "ok", null],
  [
    "Firefox 135 on Linux: no conditional create, no Signal API",
    uaOnly(UA.firefoxLinux, { signalApi: noSignals }),
    "browser-version",
    "warning",
    "Automatic passkey creation after a password sign-in: this browser does not offer it. Available in Chrome.",
  ],
  [
    "Samsung Internet on Chromium 125 predates the Signal API",
    uaOnly(UA.samsungInternet, { signalApi: null }),
    "browser-version",
    "warning",
    "Galaxy Store",
  ],
  ["Facebook in-app on iOS", uaOnly(UA.facebookIos), "browser-version", "unknown", "Open in Safari"],
  ["Android WebView", uaOnly(UA.androidWebView), "browser-version", "unknown", "Open in Chrome"],
  ["ChromeOS: no OS floor", uaOnly(UA.chromeOs), "os-version", "ok", null],
  ["no User-Agent: OS", uaOnly(""), "os-version", "unknown", null],
  ["no User-Agent: browser", uaOnly(""), "browser-version", "unknown", null],
];

describe("OS and browser versions against the support matrix", () => {
  it.each(rows)("%s → %s is %s", (_case, snapshot, id, status, fix) => {
    const found = evaluate(snapshot).find((candidate) => candidate.id === id);
    expect(found?.status).toBe(status);
    if (fix === null) expect(found?.fix).toBeNull();
    else expect(found?.fix).toContain(fix);
  });

  it("tells a Windows 10 user their Windows Hello passkeys work but stay on the PC", () => {
    const os = evaluate(chrome("Windows", "10.0.0")).find((found) => found.id === "os-version");
    expect(os?.meaning).toContain("Windows 10 keeps passkeys in Windows Hello, but they stay on this PC");
  });

  it("lets the browser's own answer beat the table (autofill reported on Windows 10 is not a gap)", () => {
    const reported = evaluate(chrome("Windows", "10.0.0", { conditionalMediation: true })).find(
      (found) => found.id === "os-version",
    );
    const unreported = evaluate(chrome("Windows", "10.0.0", { conditionalMediation: null })).find(
      (found) => found.id === "os-version",
    );
    expect(reported?.meaning).not.toContain("autofill");
    expect(unreported?.meaning).toContain("Passkeys in autofill");
  });
});
