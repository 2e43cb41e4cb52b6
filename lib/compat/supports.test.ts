import { describe, expect, it } from "vitest";
import type { EnvironmentSnapshot } from "./snapshot";
import { type Capability, supportMatrix } from "./support-matrix";
import { browsersWithSupport, supports } from "./supports";
import { detectPlatform } from "./platform";
import { UA, healthySnapshot, hints, uaOnly } from "./test-snapshots";

const win11Chrome = healthySnapshot();
const win10Chrome = healthySnapshot({ userAgentData: hints("Google Chrome", "131", "Windows", "10.0.0") });
const win10Edge = healthySnapshot({
  userAgent: UA.edge122,
  userAgentData: hints("Microsoft Edge", "122", "Windows", "10.0.0"),
});
const win10Firefox = uaOnly(UA.firefoxWindows);
const oldChromeWin10 = healthySnapshot({
  userAgent: UA.chromeWindowsOld,
  userAgentData: hints("Google Chrome", "100", "Windows", "10.0.0"),
});
const androidChrome = healthySnapshot({
  userAgent: UA.chromeAndroid,
  userAgentData: hints("Google Chrome", "131", "Android", "14.0.0", true),
});
const chromeMac15 = healthySnapshot({
  userAgent: UA.chromeMac,
  userAgentData: hints("Google Chrome", "131", "macOS", "15.1.0"),
});

type Row = [string, Capability, EnvironmentSnapshot, "yes" | "no" | "unknown", string];

const rows: Row[] = [
  [
    "iOS 15 has no synced passkeys",
    "synced-passkeys",
    uaOnly(UA.safariIos15),
    "no",
    "Needs iOS 16 or later (this is iOS 15.8)",
  ],
  ["iOS 17 syncs with iCloud Keychain", "synced-passkeys", uaOnly(UA.safariIos17), "yes", "iCloud Keychain"],
  ["Windows 11 Chrome 131 syncs via GPM", "synced-passkeys", win11Chrome, "yes", "Google Password Manager"],
  [
    "Windows Edge keeps Windows Hello passkeys on the PC",
    "synced-passkeys",
    win10Edge,
    "no",
    "Windows Hello keeps passkeys on this PC",
  ],
  [
    "Windows Chrome 100 needs 129 to sync",
    "synced-passkeys",
    oldChromeWin10,
    "no",
    "Needs Chrome 129 or later (this is Chrome 100.",
  ],
  [
    "macOS Safari hides the macOS version",
    "synced-passkeys",
    uaOnly(UA.safariMac18),
    "unknown",
    "does not reveal the macOS version",
  ],
  ["Firefox on Linux: only extensions", "synced-passkeys", uaOnly(UA.firefoxLinux), "no", "password manager extension"],
  ["Android Chrome 131 autofill", "autofill", androidChrome, "yes", "Supported"],
  ["Firefox on Android has no autofill", "autofill", uaOnly(UA.firefoxAndroid), "no", "Firefox on Android"],
  ["Windows 10 has no autofill", "autofill", win10Chrome, "no", "Needs Windows 11 or later"],
  ["Windows 11 autofill needs 22H2, which is invisible", "autofill", win11Chrome, "unknown", "Windows 11 22H2"],
  [
    "Samsung Internet autofill: no data",
    "autofill",
    uaOnly(UA.samsungInternet),
    "unknown",
    "No data for Samsung Internet 27",
  ],
  [
    "Firefox has no conditional create",
    "conditional-create",
    uaOnly(UA.firefoxLinux),
    "no",
    "Firefox has no conditional create",
  ],
  [
    "Chrome 131 predates conditional create (136)",
    "conditional-create",
    win11Chrome,
    "no",
    "Needs Chrome 136 or later",
  ],
  ["Safari 18 has conditional create", "conditional-create", uaOnly(UA.safariMac18), "yes", "Supported"],
  ["Windows 10 Edge: hybrid in the browser", "hybrid", win10Edge, "yes", "Windows 10 and older Windows 11"],
  ["Windows 10 Firefox: no hybrid", "hybrid", win10Firefox, "unknown", "does not reveal the Windows version"],
  [
    "Windows 10 Firefox with a known Windows 10: no hybrid",
    "hybrid",
    { ...win10Firefox, userAgentData: { platform: "Windows", platformVersion: "10.0.0" } },
    "no",
    "Needs Windows 11",
  ],
  ["Linux Chrome: hybrid", "hybrid", uaOnly(UA.chromeLinux), "yes", "Supported"],
  ["Android 14: third-party managers", "third-party-managers", androidChrome, "yes", "Supported"],
  [
    "Windows 11: third-party managers need the Nov 2025 update",
    "third-party-managers",
    win11Chrome,
    "unknown",
    "November 2025",
  ],
  [
    "macOS Safari related origins needs macOS 15",
    "related-origins",
    uaOnly(UA.safariMac18),
    "unknown",
    "macOS version",
  ],
  ["macOS Chrome 131 related origins", "related-origins", chromeMac15, "yes", "Supported"],
  ["Safari 17.4 has getClientCapabilities", "get-client-capabilities", uaOnly(UA.safariMac17), "yes", "Supported"],
  ["Firefox 135 has getClientCapabilities", "get-client-capabilities", uaOnly(UA.firefoxLinux), "yes", "Supported"],
  [
    "Edge 122 lacks getClientCapabilities (133)",
    "get-client-capabilities",
    win10Edge,
    "no",
    "Needs Chromium 133 or later",
  ],
  [
    "Samsung Internet by its Chromium 125",
    "is-conditional-mediation-available",
    uaOnly(UA.samsungInternet),
    "yes",
    "Supported",
  ],
  [
    "iOS 17 lacks JSON helpers (18.4): iOS decides",
    "json-helpers",
    uaOnly(UA.safariIos17),
    "no",
    "Needs iOS 18.4 or later",
  ],
  ["Firefox has no Signal API", "signal-api", uaOnly(UA.firefoxLinux), "no", "Not implemented"],
  [
    "Chrome on iOS 26 reporting 18.6: Signal API unknown, not no",
    "signal-api",
    uaOnly(UA.chromeIos26),
    "unknown",
    "iOS 18.6 or later",
  ],
  ["Safari on iOS 26 has the Signal API", "signal-api", uaOnly(UA.safariIos26), "yes", "Supported"],
  ["Safari has no hints", "hints", uaOnly(UA.safariMac18), "no", "Not implemented"],
];

describe("supports", () => {
  it.each(rows)("%s", (_name, capability, snapshot, status, reason) => {
    const support = supports(capability, detectPlatform(snapshot));
    expect(support.status).toBe(status);
    expect(support.reason).toContain(reason);
  });

  it("says whether the OS or the browser stands in the way, and whether an update helps", () => {
    expect(supports("synced-passkeys", detectPlatform(uaOnly(UA.safariIos15)))).toMatchObject({
      blockedBy: "os",
      byVersion: true,
    });
    expect(supports("conditional-create", detectPlatform(uaOnly(UA.firefoxLinux)))).toMatchObject({
      blockedBy: "browser",
      byVersion: false,
    });
  });

  it("suggests the browsers that offer a missing capability on the same OS", () => {
    expect(browsersWithSupport("conditional-create", detectPlatform(uaOnly(UA.firefoxLinux)))).toEqual(["Chrome"]);
    expect(browsersWithSupport("signal-api", detectPlatform(uaOnly(UA.firefoxLinux)))).toEqual(["Chrome", "Edge"]);
    expect(browsersWithSupport("signal-api", detectPlatform(uaOnly(UA.safariIos17)))).toEqual([]);
  });

  it("gives every row a source and a rule", () => {
    for (const row of supportMatrix) {
      expect(row.source, row.capability).toMatch(/passkeys\.dev|MDN/);
      expect(row.rules.length, row.capability).toBeGreaterThan(0);
    }
  });
});
