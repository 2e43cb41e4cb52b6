// Who is asking: OS, browser, engine and in-app browser, from a snapshot. Bowser (MIT) reads the UA; ua-parser-js v2
// is AGPL and must not be used. Client hints, where present, override what the UA claims (see os-detection.ts).
import Bowser from "bowser";
import { detectBrowser, detectEngine } from "./browser-detection";
import { detectInAppBrowser } from "./in-app-browser";
import { detectOs } from "./os-detection";
import type { Platform } from "./platform-types";
import type { EnvironmentSnapshot } from "./snapshot";

/** Bowser refuses an empty UA; a snapshot without one still gets findings, all of them "unknown" where the UA matters. */
const NOTHING_PARSED: Bowser.Parser.ParsedResult = { browser: {}, os: {}, platform: {}, engine: {} };

export function detectPlatform(snapshot: EnvironmentSnapshot): Platform {
  const userAgent = snapshot.userAgent ?? "";
  const hints = snapshot.userAgentData ?? null;
  const parsed = userAgent.trim() ? Bowser.parse(userAgent) : NOTHING_PARSED;
  // fullVersionList carries full versions; the low-entropy brands only majors. Both list the same brands.
  const brands = hints?.fullVersionList?.length ? hints.fullVersionList : (hints?.brands ?? null);
  const os = detectOs(userAgent, parsed, hints);
  const detected = detectBrowser(userAgent, parsed, brands);
  return {
    os,
    browser: detected.browser,
    engine: detectEngine(os, detected),
    inAppBrowser: detectInAppBrowser(
      userAgent,
      (brands ?? []).map((entry) => entry.brand),
    ),
  };
}
