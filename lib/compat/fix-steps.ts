// Concrete steps for this person's OS and browser, shared by the findings and the error explanations. Menu paths are
// the vendors' current ones; where a maker renames a menu (Android) the wording says so instead of guessing. The words
// are the `fixSteps` messages, in the reader's language; a step that builds on another takes it as an argument.
import type { Translator } from "@/lib/i18n/translator";
import type { Platform } from "./platform-types";

const isApplePhone = (platform: Platform) => platform.os.name === "iOS" || platform.os.name === "iPadOS";

export function updateOsSteps(platform: Platform, t: Translator<"fixSteps">): string {
  switch (platform.os.name) {
    case "Windows":
      return t("updateWindows");
    case "macOS":
      return t("updateMac");
    case "iOS":
    case "iPadOS":
      return t("updateApplePhone");
    case "Android":
      return t("updateAndroid");
    case "ChromeOS":
      return t("updateChromeOs");
    case "Linux":
      return t("updateLinux");
    default:
      return t("updateOtherOs");
  }
}

export function updateBrowserSteps(platform: Platform, t: Translator<"fixSteps">): string {
  const { browser, os } = platform;
  // Every browser on iPhone and iPad uses the system WebKit: only an iOS update brings new passkey features.
  if (isApplePhone(platform)) return t("updateBrowserOnApplePhone", { os: os.name, steps: updateOsSteps(platform, t) });
  // Chrome on a Chromebook is part of ChromeOS and updates with it.
  if (os.name === "ChromeOS") return updateOsSteps(platform, t);
  if (os.name === "Android") {
    const store = browser.name === "Samsung Internet" ? "samsung" : "play";
    return t("updateBrowserOnAndroid", { browser: browser.label.replace(/ \d+$/, ""), store });
  }
  switch (browser.name) {
    case "Chrome":
      return t("updateChrome");
    case "Edge":
      return t("updateEdge");
    case "Firefox":
      return os.name === "Linux" ? t("updateFirefoxLinux") : t("updateFirefox");
    case "Safari":
      return t("updateSafari", { steps: updateOsSteps(platform, t) });
    case "Unknown":
      return t("updateUnknownBrowser");
    default:
      return t("updateOtherBrowser", { browser: browser.label });
  }
}

/** No screen lock or Windows Hello PIN is the usual reason a biometric prompt fails (docs/compat.md, providers). */
export function screenLockSteps(platform: Platform, t: Translator<"fixSteps">): string {
  switch (platform.os.name) {
    case "Windows":
      return t("screenLockWindows");
    case "Android":
      return t("screenLockAndroid");
    case "iOS":
    case "iPadOS":
      return t("screenLockApplePhone");
    case "macOS":
      return t("screenLockMac");
    case "ChromeOS":
      return t("screenLockChromeOs");
    default:
      return t("screenLockOther");
  }
}

/** In-app browsers: "open in Chrome/Safari" (docs/compat.md). */
export function openInBrowserSteps(platform: Platform, t: Translator<"fixSteps">): string {
  if (isApplePhone(platform)) return t("openInSafari");
  if (platform.os.name === "Android") return t("openInChrome");
  return t("openInBrowser");
}

export function allowCookiesSteps(platform: Platform, t: Translator<"fixSteps">): string {
  const privateWindow = t("cookiesPrivateWindow");
  if (isApplePhone(platform)) return t("cookiesApplePhone", { privateWindow });
  switch (platform.browser.name) {
    case "Safari":
      return t("cookiesSafari", { privateWindow });
    case "Firefox":
      return t("cookiesFirefox", { privateWindow });
    case "Chrome":
    case "Edge":
    case "Brave":
    case "Opera":
    case "Samsung Internet":
      return t("cookiesChromium", { privateWindow });
    case "Unknown":
      return t("cookiesUnknownBrowser", { privateWindow });
    default:
      return t("cookiesOtherBrowser", { browser: platform.browser.label, privateWindow });
  }
}

/** Where the person can read the real OS version when the browser hides it. */
export function checkOsVersionSteps(platform: Platform, t: Translator<"fixSteps">): string {
  switch (platform.os.name) {
    case "Windows":
      return t("osVersionWindows");
    case "macOS":
      return t("osVersionMac");
    case "iOS":
    case "iPadOS":
      return t("osVersionApplePhone");
    case "Android":
      return t("osVersionAndroid");
    default:
      return t("osVersionOther");
  }
}
