// Concrete steps for this person's OS and browser, shared by the findings and the error explanations. Menu paths are
// the vendors' current ones; where a maker renames a menu (Android) the wording says so instead of guessing.
import type { Platform } from "./platform-types";

const isApplePhone = (platform: Platform) => platform.os.name === "iOS" || platform.os.name === "iPadOS";

export function updateOsSteps(platform: Platform): string {
  switch (platform.os.name) {
    case "Windows":
      return "Open Settings → Windows Update → Check for updates, install them and restart.";
    case "macOS":
      return "Open System Settings → General → Software Update (System Preferences → Software Update on older Macs) and install the update.";
    case "iOS":
    case "iPadOS":
      return "Open Settings → General → Software Update and install the update.";
    case "Android":
      return "Open Settings → System → Software update (the name varies by phone maker) and install the update.";
    case "ChromeOS":
      return "Open Settings → About ChromeOS → Check for updates, then restart.";
    case "Linux":
      return "Install the updates from your distribution's software updater.";
    default:
      return "Install your system's updates.";
  }
}

export function updateBrowserSteps(platform: Platform): string {
  const { browser, os } = platform;
  // Every browser on iPhone and iPad uses the system WebKit: only an iOS update brings new passkey features.
  if (isApplePhone(platform))
    return `Browsers on ${os.name} get passkey features from the system. ${updateOsSteps(platform)}`;
  // Chrome on a Chromebook is part of ChromeOS and updates with it.
  if (os.name === "ChromeOS") return updateOsSteps(platform);
  if (os.name === "Android") {
    const store = browser.name === "Samsung Internet" ? "Galaxy Store or Google Play Store" : "Google Play Store";
    return `Update ${browser.label.replace(/ \d+$/, "")} in the ${store}, then reopen it.`;
  }
  switch (browser.name) {
    case "Chrome":
      return "In Chrome open the ⋮ menu → Help → About Google Chrome, wait for the update, then click Relaunch.";
    case "Edge":
      return "In Edge open the … menu → Help and feedback → About Microsoft Edge, wait for the update, then click Restart.";
    case "Firefox":
      return os.name === "Linux"
        ? "In Firefox open ☰ → Help → About Firefox, or update it with your distribution's software updater, then restart it."
        : "In Firefox open ☰ → Help → About Firefox; it downloads the update, then click Restart to update Firefox.";
    case "Safari":
      return `Safari updates with macOS. ${updateOsSteps(platform)}`;
    default:
      return `Update ${browser.label} from its About page in the menu, or from where you installed it.`;
  }
}

/** No screen lock or Windows Hello PIN is the usual reason a biometric prompt fails (docs/compat.md, providers). */
export function screenLockSteps(platform: Platform): string {
  switch (platform.os.name) {
    case "Windows":
      return "Set up Windows Hello: Settings → Accounts → Sign-in options → PIN (Windows Hello) → Set up. Fingerprint or face can be added after the PIN.";
    case "Android":
      return "Set a screen lock: Settings → Security (or Security & privacy) → Screen lock, and choose a PIN, pattern or password.";
    case "iOS":
    case "iPadOS":
      return "Turn on a passcode: Settings → Face ID & Passcode (or Touch ID & Passcode) → Turn Passcode On.";
    case "macOS":
      return "Set a login password and, if your Mac has it, Touch ID: System Settings → Touch ID & Password.";
    case "ChromeOS":
      return "Set a PIN or password: Settings → Security and privacy → Lock screen and sign-in.";
    default:
      return "Use a passkey on your phone (choose the QR code option), a security key, or a password manager that stores passkeys.";
  }
}

/** In-app browsers: "open in Chrome/Safari" (docs/compat.md). */
export function openInBrowserSteps(platform: Platform): string {
  if (isApplePhone(platform)) {
    return "Tap the ⋯ or share button in the app and choose “Open in Safari” (or “Open in browser”). Or copy the link and paste it into Safari.";
  }
  if (platform.os.name === "Android") {
    return "Tap the ⋮ menu in the app and choose “Open in Chrome” (or “Open in browser”). Or copy the link and paste it into Chrome.";
  }
  return "Open this link in your web browser (Chrome, Edge, Firefox or Safari) instead of inside the app.";
}

export function allowCookiesSteps(platform: Platform): string {
  const tail =
    " A private window or a content blocker can also drop cookies: try a normal window with blockers off for this site.";
  if (isApplePhone(platform))
    return `Open Settings → Apps → Safari (Settings → Safari on iOS 17 and older) and turn off Block All Cookies.${tail}`;
  switch (platform.browser.name) {
    case "Safari":
      return `In Safari open Settings → Privacy and turn off Block all cookies.${tail}`;
    case "Firefox":
      return `Click the shield in the address bar and turn off Enhanced Tracking Protection for this site, or allow cookies in Settings → Privacy & Security.${tail}`;
    case "Chrome":
    case "Edge":
    case "Brave":
    case "Opera":
    case "Samsung Internet":
      return `Click the icon left of the address, open Site settings (or Cookies and site data) and allow cookies for this site.${tail}`;
    default:
      return `Allow cookies for this site in ${platform.browser.label}'s settings.${tail}`;
  }
}

/** Where the person can read the real OS version when the browser hides it. */
export function checkOsVersionSteps(platform: Platform): string {
  switch (platform.os.name) {
    case "Windows":
      return "Press Windows+R, type winver and press Enter: the window shows Windows 10 or 11 and the release (such as 23H2).";
    case "macOS":
      return "Open the Apple menu → About This Mac to see the macOS version.";
    case "iOS":
    case "iPadOS":
      return "Open Settings → General → About to see the version.";
    case "Android":
      return "Open Settings → About phone to see the Android version.";
    default:
      return "Look up the version in your system's About screen.";
  }
}
