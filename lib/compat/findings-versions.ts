// The OS and browser held against the support matrix. Only rows that change what a person can do count as gaps;
// site-only rows (hints, JSON helpers, related origins) never are. A hidden version is unknown, never a gap, and what the
// browser itself reports beats the table (live-support.ts).
import type { Translator } from "@/lib/i18n/translator";
import { type Finding, type FindingContext, finding } from "./finding";
import { checkOsVersionSteps, openInBrowserSteps, updateBrowserSteps, updateOsSteps } from "./fix-steps";
import { inAppBrowserKind } from "./in-app-browser";
import { liveSupport } from "./live-support";
import { browserLabel, osLabel } from "./platform-labels";
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

type FindingKey = Parameters<Translator<"findings">>[0];

/** The matrix rows that change what a person can do, named in the reader's language (the matrix's own titles stay English, for staff). */
const FEATURE_NAMES: Partial<Record<MatrixRow["capability"], FindingKey>> = {
  "synced-passkeys": "feature.syncedPasskeys",
  autofill: "feature.autofill",
  "conditional-create": "feature.conditionalCreate",
  hybrid: "feature.hybrid",
  "third-party-managers": "feature.thirdPartyManagers",
  "signal-api": "feature.signalApi",
};

function featureName(row: MatrixRow, t: Translator<"findings">): string {
  const key = FEATURE_NAMES[row.capability];
  return key ? t(key) : row.title;
}

const names = (gaps: Evaluated[], { list }: FindingContext, t: Translator<"findings">) =>
  list(
    gaps.map(({ row }) => featureName(row, t)),
    "plain",
  );

/** What the browser hides about its OS version: the words for the OSes that hide it (others get the general one). */
function hiddenVersion(os: Platform["os"]["name"], t: Translator<"findings">): string {
  if (os === "Windows") return t("osVersion.hiddenWindows");
  if (os === "macOS") return t("osVersion.hiddenMac");
  if (os === "Android") return t("osVersion.hiddenAndroid");
  return t("osVersion.hidden", { os });
}

export function osVersionFinding(context: FindingContext, t: Translator<"findings">): Finding {
  const { platform, steps } = context;
  const { os } = platform;
  const title = t("osVersion.title");
  if (os.name === "Unknown") return finding("os-version", title, "unknown", t("osVersion.unknown"), null);
  const results = evaluatePersonRows(context);
  const detail = `${os.label} (${os.versionSource}); ${summarise(results)}`;
  const gaps = results.filter(({ support }) => support.status === "no" && support.blockedBy === "os");
  const synced = gaps.find(({ row }) => row.capability === "synced-passkeys");
  if (synced) {
    // The matrix's reason (which version brings them) stays in the detail, for staff.
    return finding(
      "os-version",
      title,
      "problem",
      t("osVersion.noSyncedPasskeys", { os: osLabel(os, t) }),
      t("osVersion.noSyncedPasskeysFix", { steps: updateOsSteps(platform, steps) }),
      detail,
    );
  }
  if (os.name === "Windows" && os.version === "10") {
    // Windows 10 does support device-bound Windows Hello passkeys: the Windows 11 floors are about sync and OS-wide hybrid.
    return finding(
      "os-version",
      title,
      "warning",
      gaps.length > 0 ? t("osVersion.windows10Lacks", { features: names(gaps, context, t) }) : t("osVersion.windows10"),
      t("osVersion.windows10Fix"),
      detail,
    );
  }
  if (gaps.length > 0) {
    return finding(
      "os-version",
      title,
      "warning",
      t("osVersion.lacks", { os: osLabel(os, t), features: names(gaps, context, t) }),
      updateOsSteps(platform, steps),
      detail,
    );
  }
  if (os.version === null) {
    if (os.name === "Linux" || os.name === "ChromeOS") {
      return finding("os-version", title, "ok", t("osVersion.noMinimum", { os: os.name }), null, detail);
    }
    return finding(
      "os-version",
      title,
      "unknown",
      hiddenVersion(os.name, t),
      checkOsVersionSteps(platform, steps),
      detail,
    );
  }
  return finding("os-version", title, "ok", t("osVersion.ok", { os: osLabel(os, t) }), null, detail);
}

/** Engines so old that they lack isConditionalMediationAvailable() (Chrome 108, Firefox 119, Safari 16). */
function isVeryOld(snapshot: EnvironmentSnapshot, platform: Platform): boolean {
  if (liveSupport("is-conditional-mediation-available", snapshot)) return false;
  const support = supports("is-conditional-mediation-available", platform);
  return support.status === "no" && support.byVersion && support.blockedBy === "browser";
}

export function browserVersionFinding(context: FindingContext, t: Translator<"findings">): Finding {
  const { snapshot, platform, steps, list } = context;
  const { browser, engine, os } = platform;
  const title = t("browserVersion.title");
  if (browser.name === "Unknown" && engine.name === "Unknown")
    return finding("browser-version", title, "unknown", t("browserVersion.unknown"), null);
  if (platform.inAppBrowser) {
    return finding(
      "browser-version",
      title,
      "unknown",
      t("browserVersion.inApp", { kind: inAppBrowserKind(platform.inAppBrowser), app: platform.inAppBrowser }),
      openInBrowserSteps(platform, steps),
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
        t("browserVersion.versionHidden", { browser: browserLabel(browser, t) }),
        null,
        detail,
      );
    }
    return finding(
      "browser-version",
      title,
      "ok",
      t("browserVersion.ok", { browser: browserLabel(browser, t), os: os.name }),
      null,
      detail,
    );
  }
  const outdated = gaps.filter(({ support }) => support.byVersion);
  const byDesign = gaps.filter(({ support }) => !support.byVersion);
  // Each step a whole sentence; the matrix's reasons (why this browser lacks it) stay in the detail, for staff.
  const fix = [
    (veryOld || outdated.length > 0) && updateBrowserSteps(platform, steps),
    ...byDesign.map(({ row }) => {
      const elsewhere = browsersWithSupport(row.capability, platform);
      const feature = featureName(row, t);
      return elsewhere.length > 0
        ? t("browserVersion.notHereElsewhere", { feature, browsers: list(elsewhere, "or") })
        : t("browserVersion.notHere", { feature });
    }),
  ]
    .filter((step): step is string => Boolean(step))
    .reduce<string | null>((first, second) => (first ? t("twoSentences", { first, second }) : second), null);
  const meaning = veryOld
    ? t("browserVersion.veryOld", { browser: browserLabel(browser, t) })
    : t("browserVersion.lacks", {
        browser: browserLabel(browser, t),
        version: outdated.length > 0 ? "this" : "any",
        features: names(gaps, context, t),
      });
  return finding("browser-version", title, veryOld ? "problem" : "warning", meaning, fix, detail);
}
