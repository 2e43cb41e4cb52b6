// The browser and its engine. Chromium's client-hint brands name the browser more reliably than the UA (Brave's UA is
// Chrome's), so brands win when present; Bowser reads the UA otherwise.
import type Bowser from "bowser";
import { ANDROID_WEBVIEW } from "./in-app-browser";
import type { BrowserInfo, BrowserName, EngineInfo, OsInfo } from "./platform-types";
import type { BrandVersion } from "./snapshot";
import { majorVersion } from "./version";

const BRANDS: Record<string, BrowserName> = {
  "Google Chrome": "Chrome",
  "Microsoft Edge": "Edge",
  Opera: "Opera",
  "Opera GX": "Opera",
  Brave: "Brave",
  "Samsung Internet": "Samsung Internet",
  [ANDROID_WEBVIEW]: "Android WebView",
};

const BOWSER_NAMES: Record<string, BrowserName> = {
  Chrome: "Chrome",
  "Microsoft Edge": "Edge",
  Firefox: "Firefox",
  Safari: "Safari",
  "Samsung Internet for Android": "Samsung Internet",
  Opera: "Opera",
  Brave: "Brave",
  Chromium: "Chromium",
};

/** GREASE brands ("Not A(Brand", "Not_A Brand", ";Not A Brand") exist to be ignored (UA-CH spec, GREASE). */
export function isGreaseBrand(brand: string): boolean {
  return brand
    .replace(/[^a-z]/gi, "")
    .toLowerCase()
    .includes("notabrand");
}

function browser(name: BrowserName, version: string | null, label?: string): BrowserInfo {
  const major = majorVersion(version);
  return { name, version, majorVersion: major, label: label ?? (major === null ? name : `${name} ${major}`) };
}

export type DetectedBrowser = { browser: BrowserInfo; chromiumVersion: string | null };

function fromBrands(brands: readonly BrandVersion[], uaChromium: string | null): DetectedBrowser | null {
  const real = brands.filter((entry) => !isGreaseBrand(entry.brand));
  if (real.length === 0) return null;
  const chromiumVersion = real.find((entry) => entry.brand === "Chromium")?.version ?? uaChromium;
  const named = real.find((entry) => entry.brand !== "Chromium");
  if (!named) return { browser: browser("Chromium", chromiumVersion), chromiumVersion };
  const name = BRANDS[named.brand];
  if (name) return { browser: browser(name, named.version), chromiumVersion };
  return {
    browser: browser("Other", named.version, `${named.brand} ${majorVersion(named.version) ?? ""}`.trim()),
    chromiumVersion,
  };
}

export function detectBrowser(
  userAgent: string,
  parsed: Bowser.Parser.ParsedResult,
  brands: readonly BrandVersion[] | null,
): DetectedBrowser {
  const isApple = /\((iPhone|iPad|iPod);/.test(userAgent);
  // On iOS "Chrome/" never appears (CriOS is WebKit); elsewhere it is the Chromium version of any Blink browser.
  const uaChromium = isApple ? null : (/\bChrome\/(\d+(?:\.\d+)*)/.exec(userAgent)?.[1] ?? null);
  const hinted = brands && brands.length > 0 ? fromBrands(brands, uaChromium) : null;
  if (hinted) return hinted;
  if (/; wv\)/.test(userAgent)) return { browser: browser("Android WebView", uaChromium), chromiumVersion: uaChromium };
  const name = BOWSER_NAMES[parsed.browser.name ?? ""];
  const version = parsed.browser.version ?? null;
  if (!name) {
    const label = parsed.browser.name
      ? `${parsed.browser.name} ${majorVersion(version) ?? ""}`.trim()
      : "Unknown browser";
    return { browser: browser(parsed.browser.name ? "Other" : "Unknown", version, label), chromiumVersion: uaChromium };
  }
  // A WKWebView UA has no Version/ token, so Bowser's "Safari" without a version is an app, not Safari.
  if (name === "Safari" && isApple && version === null)
    return { browser: browser("Other", null, "iOS web view"), chromiumVersion: null };
  return { browser: browser(name, version), chromiumVersion: uaChromium };
}

/** Which engine, at which version, decides the web APIs this page has. */
export function detectEngine(os: OsInfo, detected: DetectedBrowser): EngineInfo {
  // Every iOS and iPadOS browser must use the system WebKit, so the OS version is the engine version.
  if (os.name === "iOS" || os.name === "iPadOS")
    return { name: "WebKit", version: os.version, versionIsMinimum: os.versionIsMinimum };
  const { browser: found, chromiumVersion } = detected;
  if (found.name === "Firefox") return { name: "Gecko", version: found.version, versionIsMinimum: false };
  if (found.name === "Safari") return { name: "WebKit", version: found.version, versionIsMinimum: false };
  if (chromiumVersion) return { name: "Blink", version: chromiumVersion, versionIsMinimum: false };
  return { name: "Unknown", version: null, versionIsMinimum: false };
}
