// The platform a snapshot describes, as the support matrix and the findings need it.

export type OsName = "Windows" | "macOS" | "iOS" | "iPadOS" | "Android" | "ChromeOS" | "Linux" | "Unknown";

export type OsInfo = {
  name: OsName;
  /** "11", "15.1", "17.5"; null when the browser hides it (frozen or reduced User-Agent, no client hints). */
  version: string | null;
  /** True when the User-Agent may understate the version (iOS 26 browsers other than Safari report 18.6/18.7). */
  versionIsMinimum: boolean;
  versionSource: "client-hints" | "user-agent" | "none";
  /** "Windows 11", "Windows 10 or 11", "iOS 18.6 or later" */
  label: string;
};

export type BrowserName =
  | "Chrome"
  | "Edge"
  | "Firefox"
  | "Safari"
  | "Samsung Internet"
  | "Opera"
  | "Brave"
  | "Chromium"
  | "Android WebView"
  | "Other"
  | "Unknown";

export type BrowserInfo = {
  name: BrowserName;
  /** The browser's own version ("122.0.2365.92"); Opera and Samsung Internet number theirs apart from Chromium. */
  version: string | null;
  majorVersion: number | null;
  /** "Edge 122", or the brand as given for "Other" ("YaBrowser 24"). */
  label: string;
};

export type EngineName = "Blink" | "Gecko" | "WebKit" | "Unknown";

/**
 * The engine decides which web APIs exist: every iOS browser is WebKit at the iOS version, every Chromium-based browser
 * has the APIs of its Chromium version.
 */
export type EngineInfo = { name: EngineName; version: string | null; versionIsMinimum: boolean };

export type Platform = {
  os: OsInfo;
  browser: BrowserInfo;
  engine: EngineInfo;
  /** "Facebook", "Android WebView", ...: null in a real browser. */
  inAppBrowser: string | null;
};
