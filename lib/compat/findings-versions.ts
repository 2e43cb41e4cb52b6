// The OS and browser held against the support matrix. Only rows that change what a person can do count as gaps;
// site-only rows (hints, JSON helpers, related origins) never are. A hidden version is unknown, never a gap, and what the
// browser itself reports beats the table (live-support.ts).
import { type Finding, type FindingContext, finding } from "./finding";
import { checkOsVersionSteps, openInBrowserSteps, updateBrowserSteps, updateOsSteps } from "./fix-steps";
import { inAppBrowserPhrase } from "./in-app-browser";
import { liveSupport } from "./live-support";
import type { Platform } from "./platform-types";
import type { EnvironmentSnapshot } from "./snapshot";
import { type MatrixRow, supportMatrix } from "./support-matrix";
import { type Support, browsersWithSupport, supports } from "./supports";

type Evaluated = { row: MatrixRow; support: Support };

const REPORTED: Support = { status: "yes", reason: "The browser reports it.", blockedBy: null, byVersion: false };

function evaluatePersonRows({ snapshot, platform }: FindingContext): Evaluated[] {
  return supportMatrix
    .filter((row) => row.impact === "person")
    .map((row) => ({
      row,
      support: liveSupport(row.capability, snapshot) === true ? REPORTED : supports(row.capability, platform),
    }));
}

function summarise(results: Evaluated[]): string {
  return results.map(({ row, support }) => `${row.capability}: ${support.status} (${support.reason})`).join("; ");
}

const list = (gaps: Evaluated[]) => gaps.map(({ row }) => row.title).join("; ");

const HIDDEN_VERSION: Partial<Record<Platform["os"]["name"], string>> = {
  Windows:
    "This browser does not say whether this is Windows 10 or 11 (both identify as “Windows NT 10.0”). Windows Hello passkeys work on both; Windows 11 23H2 adds signing in with your phone everywhere.",
  macOS:
    "This browser does not reveal the macOS version (every browser reports 10.15.7). Synced passkeys need macOS 13 Ventura or later.",
  Android: "This browser hides the Android version. Synced passkeys need Android 9 or later.",
};

export function osVersionFinding(context: FindingContext): Finding {
  const { platform } = context;
  const { os } = platform;
  const title = "Operating system";
  if (os.name === "Unknown")
    return finding("os-version", title, "unknown", "The operating system could not be recognised.", null);
  const results = evaluatePersonRows(context);
  const detail = `${os.label} (${os.versionSource}); ${summarise(results)}`;
  const gaps = results.filter(({ support }) => support.status === "no" && support.blockedBy === "os");
  const synced = gaps.find(({ row }) => row.capability === "synced-passkeys");
  if (synced) {
    return finding(
      "os-version",
      title,
      "problem",
      `${os.label} cannot use synced passkeys. ${synced.support.reason}`,
      `${updateOsSteps(platform)} If this device cannot be updated, use a passkey on a newer phone (QR code) or a security key.`,
      detail,
    );
  }
  if (os.name === "Windows" && os.version === "10") {
    // Windows 10 does support device-bound Windows Hello passkeys: the Windows 11 floors are about sync and OS-wide hybrid.
    return finding(
      "os-version",
      title,
      "warning",
      `Windows 10 keeps passkeys in Windows Hello, but they stay on this PC.${gaps.length > 0 ? ` Not on Windows 10: ${list(gaps)}.` : ""}`,
      "To reach your passkeys from other devices, use Chrome 129 or later (it syncs passkeys with Google Password Manager) or a password manager. Signing in with your phone (QR code) works in Chrome and Edge. If Settings → Windows Update offers Windows 11, it adds the rest.",
      detail,
    );
  }
  if (gaps.length > 0) {
    return finding(
      "os-version",
      title,
      "warning",
      `Passkeys work on ${os.label}, but it lacks: ${list(gaps)}.`,
      updateOsSteps(platform),
      detail,
    );
  }
  if (os.version === null) {
    if (os.name === "Linux" || os.name === "ChromeOS") {
      return finding(
        "os-version",
        title,
        "ok",
        `${os.name} sets no minimum version for passkeys: your browser decides what works.`,
        null,
        detail,
      );
    }
    const meaning = HIDDEN_VERSION[os.name] ?? `This browser does not reveal the ${os.name} version.`;
    return finding("os-version", title, "unknown", meaning, checkOsVersionSteps(platform), detail);
  }
  return finding("os-version", title, "ok", `${os.label} supports passkeys, including synced passkeys.`, null, detail);
}

/** Engines so old that they lack isConditionalMediationAvailable() (Chrome 108, Firefox 119, Safari 16). */
function isVeryOld(snapshot: EnvironmentSnapshot, platform: Platform): boolean {
  if (liveSupport("is-conditional-mediation-available", snapshot)) return false;
  const support = supports("is-conditional-mediation-available", platform);
  return support.status === "no" && support.byVersion && support.blockedBy === "browser";
}

export function browserVersionFinding(context: FindingContext): Finding {
  const { snapshot, platform } = context;
  const { browser, engine, os } = platform;
  const title = "Browser";
  if (browser.name === "Unknown" && engine.name === "Unknown")
    return finding("browser-version", title, "unknown", "The browser could not be recognised.", null);
  if (platform.inAppBrowser) {
    const meaning = `This is ${inAppBrowserPhrase(platform.inAppBrowser)}, so its version says little: whether passkeys work depends on the app.`;
    return finding(
      "browser-version",
      title,
      "unknown",
      meaning,
      openInBrowserSteps(platform),
      `in-app browser: ${platform.inAppBrowser}`,
    );
  }
  const results = evaluatePersonRows(context);
  const detail = `${browser.label}, engine ${engine.name} ${engine.version ?? "?"}; ${summarise(results)}`;
  const gaps = results.filter(({ support }) => support.status === "no" && support.blockedBy === "browser");
  const veryOld = isVeryOld(snapshot, platform);
  if (gaps.length === 0 && !veryOld) {
    if (engine.version === null && browser.version === null) {
      return finding(
        "browser-version",
        title,
        "unknown",
        `The ${browser.label} version could not be read.`,
        null,
        detail,
      );
    }
    return finding(
      "browser-version",
      title,
      "ok",
      `${browser.label} offers the passkey features this site uses on ${os.name}.`,
      null,
      detail,
    );
  }
  const outdated = gaps.filter(({ support }) => support.byVersion);
  const byDesign = gaps.filter(({ support }) => !support.byVersion);
  const steps = [
    (veryOld || outdated.length > 0) && updateBrowserSteps(platform),
    ...byDesign.map(({ row, support }) => {
      const elsewhere = browsersWithSupport(row.capability, platform);
      return `${row.title}: ${support.reason}${elsewhere.length > 0 ? ` Available in ${elsewhere.join(" or ")}.` : ""}`;
    }),
  ].filter((step): step is string => Boolean(step));
  const meaning = veryOld
    ? `${browser.label} is too old for most passkey features. Update it, or use a current browser.`
    : `Passkeys work in ${browser.label}, but ${outdated.length > 0 ? "this version" : "it"} lacks: ${list(gaps)}.`;
  return finding("browser-version", title, veryOld ? "problem" : "warning", meaning, steps.join(" ") || null, detail);
}
