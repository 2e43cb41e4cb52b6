// Evaluates the support matrix for one platform. Several rules may apply (Windows hybrid works OS-wide on 23H2 or in
// Chrome/Edge on any Windows), so the most hopeful answer wins: yes over unknown over no. A version the browser hides
// gives unknown, never no.
import type { Platform } from "./platform-types";
import { type Capability, type MatrixRule, supportMatrix } from "./support-matrix";
import { compareVersions } from "./version";

export type SupportStatus = "yes" | "no" | "unknown";

export type Support = {
  status: SupportStatus;
  reason: string;
  /** What would have to change for a "no": the OS (update or another device) or the browser. */
  blockedBy: "os" | "browser" | null;
  /** A version floor failed, so updating (the OS or browser named by blockedBy) would help. */
  byVersion: boolean;
};

type Floor = { label: string; actual: string | null; min: string; isMinimum: boolean; part: "os" | "browser" };

function applies(rule: MatrixRule, platform: Platform): boolean {
  if (rule.os && !rule.os.includes(platform.os.name)) return false;
  if (rule.browsers && !rule.browsers.includes(platform.browser.name)) return false;
  if (rule.engine && rule.engine !== platform.engine.name) return false;
  return true;
}

function engineLabel(platform: Platform): string {
  const { engine, os } = platform;
  if (engine.name === "Blink") return "Chromium";
  if (engine.name === "Gecko") return "Firefox";
  return os.name === "iOS" || os.name === "iPadOS" ? os.name : "Safari";
}

function floors(rule: MatrixRule, platform: Platform): Floor[] {
  const { os, browser, engine } = platform;
  const list: Floor[] = [];
  if (rule.minOs)
    list.push({ label: os.name, actual: os.version, min: rule.minOs, isMinimum: os.versionIsMinimum, part: "os" });
  if (rule.minBrowser)
    list.push({
      label: browser.name,
      actual: browser.version,
      min: rule.minBrowser,
      isMinimum: false,
      part: "browser",
    });
  if (rule.minEngine) {
    // On iOS the engine is the OS: updating iOS, not the browser, brings the API.
    const part = os.name === "iOS" || os.name === "iPadOS" ? "os" : "browser";
    list.push({
      label: engineLabel(platform),
      actual: engine.version,
      min: rule.minEngine,
      isMinimum: engine.versionIsMinimum,
      part,
    });
  }
  return list;
}

function evaluate(rule: MatrixRule, platform: Platform): Support {
  const note = rule.note ? ` ${rule.note}` : "";
  if (rule.verdict === "no") {
    const blockedBy = rule.blockedBy ?? (rule.browsers || rule.engine ? "browser" : "os");
    return { status: "no", reason: rule.note ?? "Not supported here.", blockedBy, byVersion: false };
  }
  let unknown: Support | null = null;
  for (const floor of floors(rule, platform)) {
    const needs = `Needs ${floor.label} ${floor.min} or later`;
    const difference = floor.actual === null ? null : compareVersions(floor.actual, floor.min);
    if (difference === null) {
      unknown ??= {
        status: "unknown",
        reason: `${needs}; this browser does not reveal the ${floor.label} version.${note}`,
        blockedBy: null,
        byVersion: false,
      };
    } else if (difference < 0 && floor.isMinimum) {
      unknown ??= {
        status: "unknown",
        reason: `${needs}; this is ${floor.label} ${floor.actual} or later.${note}`,
        blockedBy: null,
        byVersion: false,
      };
    } else if (difference < 0) {
      return {
        status: "no",
        reason: `${needs} (this is ${floor.label} ${floor.actual}).${note}`,
        blockedBy: floor.part,
        byVersion: true,
      };
    }
  }
  if (unknown) return unknown;
  if (rule.unseen)
    return {
      status: "unknown",
      reason: `Also needs ${rule.unseen}, which a web page cannot see.${note}`,
      blockedBy: null,
      byVersion: false,
    };
  return { status: "yes", reason: rule.note ?? "Supported.", blockedBy: null, byVersion: false };
}

const RANK: Record<SupportStatus, number> = { yes: 2, unknown: 1, no: 0 };

export function supports(capability: Capability, platform: Platform): Support {
  const row = supportMatrix.find((candidate) => candidate.capability === capability);
  const results = (row?.rules ?? []).filter((rule) => applies(rule, platform)).map((rule) => evaluate(rule, platform));
  if (results.length === 0) {
    return {
      status: "unknown",
      reason: `No data for ${platform.browser.label} on ${platform.os.label}.`,
      blockedBy: null,
      byVersion: false,
    };
  }
  return results.reduce((best, next) => (RANK[next.status] > RANK[best.status] ? next : best));
}

const CANDIDATES: ReadonlyArray<readonly [Platform["browser"]["name"], Platform["engine"]["name"]]> = [
  ["Chrome", "Blink"],
  ["Edge", "Blink"],
  ["Firefox", "Gecko"],
  ["Safari", "WebKit"],
];

/** Other browsers that, up to date, offer the capability on this OS: the advice for a gap a browser has by design. */
export function browsersWithSupport(capability: Capability, platform: Platform): string[] {
  // Every iOS browser is WebKit at the iOS version: switching browsers changes nothing there.
  if (platform.os.name === "iOS" || platform.os.name === "iPadOS") return [];
  return CANDIDATES.filter(
    ([name]) => name !== platform.browser.name && (name !== "Safari" || platform.os.name === "macOS"),
  )
    .filter(([name, engine]) => {
      const latest: Platform = {
        ...platform,
        browser: { name, version: "999", majorVersion: 999, label: name },
        engine: { name: engine, version: "999", versionIsMinimum: false },
      };
      return supports(capability, latest).status === "yes";
    })
    .map(([name]) => name);
}
