// The operating system and its version. User-Agent strings lie about the OS version in four known ways
// (docs/compat.md, detection), so client hints win wherever the browser sends them:
// - "Windows NT 10.0" is both Windows 10 and 11; platformVersion major ≥ 13 is Windows 11 (Chromium, secure contexts).
// - macOS is frozen at 10_15_7 in every browser; only Chromium's platformVersion tells the real version.
// - iOS 26 Safari reports the OS as 18_6/18_7; its Version/26 token is the truth.
// - Chrome on Android reduces the UA to "Android 10; K"; platformVersion tells the real version.
import type Bowser from "bowser";
import type { OsInfo, OsName } from "./platform-types";
import { compareVersions, majorVersion, shortVersion } from "./version";

type Hints = { platform?: string | null; platformVersion?: string | null } | null | undefined;

const HINT_PLATFORMS: Record<string, OsName> = {
  Windows: "Windows",
  macOS: "macOS",
  Android: "Android",
  "Chrome OS": "ChromeOS",
  "Chromium OS": "ChromeOS",
  Linux: "Linux",
};

const BOWSER_OS: Record<string, OsName> = {
  Windows: "Windows",
  macOS: "macOS",
  iOS: "iOS",
  Android: "Android",
  "Chrome OS": "ChromeOS",
  Linux: "Linux",
};

function os(
  name: OsName,
  version: string | null,
  versionSource: OsInfo["versionSource"],
  versionIsMinimum = false,
): OsInfo {
  const label = version === null ? name : versionIsMinimum ? `${name} ${version} or later` : `${name} ${version}`;
  return { name, version, versionIsMinimum, versionSource: version === null ? "none" : versionSource, label };
}

function fromClientHints(name: OsName, platformVersion: string): OsInfo | null {
  const major = majorVersion(platformVersion);
  if (major === null) return null;
  if (name === "Windows") {
    // Microsoft: platformVersion 13 and up is Windows 11, 1–10 is Windows 10; 0 (Windows 7/8/8.1) falls back to the UA.
    if (major >= 13) return os("Windows", "11", "client-hints");
    if (major >= 1) return os("Windows", "10", "client-hints");
    return null;
  }
  if (name === "macOS" || name === "Android") return os(name, shortVersion(platformVersion), "client-hints");
  return null; // ChromeOS build numbers and Linux kernel versions decide nothing in the support matrix.
}

function fromUserAgent(name: OsName, userAgent: string, parsed: Bowser.Parser.ParsedResult): OsInfo {
  const uaVersion = parsed.os.version ?? null;
  switch (name) {
    case "Windows":
      // "NT 10.0" is 10 or 11; older NT versions are what they say (Bowser names them "7", "8.1").
      if (/Windows NT 10\.0/.test(userAgent)) return { ...os("Windows", null, "none"), label: "Windows 10 or 11" };
      return os("Windows", parsed.os.versionName ?? null, "user-agent");
    case "macOS":
      return os("macOS", uaVersion && compareVersions(uaVersion, "10.15.7") !== 0 ? uaVersion : null, "user-agent");
    case "iOS":
    case "iPadOS": {
      const safari = /\bVersion\/(\d+(?:\.\d+)*)/.exec(userAgent)?.[1] ?? null;
      if (safari && (majorVersion(safari) ?? 0) >= 26) return os(name, safari, "user-agent");
      const frozen = uaVersion !== null && /^18\.[67]\b/.test(uaVersion);
      return os(name, uaVersion, "user-agent", frozen);
    }
    case "Android":
      return os("Android", /Android 10; K\b/.test(userAgent) ? null : uaVersion, "user-agent");
    default:
      return os(name, null, "none");
  }
}

export function detectOs(userAgent: string, parsed: Bowser.Parser.ParsedResult, hints: Hints): OsInfo {
  const hinted = hints?.platform ? HINT_PLATFORMS[hints.platform] : undefined;
  let name: OsName = hinted ?? BOWSER_OS[parsed.os.name ?? ""] ?? "Unknown";
  // Bowser reports an iPad's mobile-mode UA as iOS on a tablet; iPadOS in desktop mode claims to be a Mac.
  if (name === "iOS" && parsed.platform.type === "tablet") name = "iPadOS";
  if (hinted && hints?.platformVersion) {
    const hintedOs = fromClientHints(name, hints.platformVersion);
    if (hintedOs) return hintedOs;
  }
  return fromUserAgent(name, userAgent, parsed);
}
