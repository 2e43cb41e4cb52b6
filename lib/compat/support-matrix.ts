// Which platforms support which passkey capability, as data. Facts only (no copied prose): floors from
// docs/compat.md, which cites passkeys.dev device support and MDN browser-compat-data. Update a row
// here when a source changes; supports.ts only evaluates it.
import type { BrowserName, EngineName, OsName } from "./platform-types";

export type Capability =
  | "webauthn"
  | "synced-passkeys"
  | "autofill"
  | "conditional-create"
  | "hybrid"
  | "third-party-managers"
  | "related-origins"
  | "get-client-capabilities"
  | "is-conditional-mediation-available"
  | "json-helpers"
  | "signal-api"
  | "hints";

/**
 * One way a capability is available. A rule applies when the OS, browser and engine all match (an omitted field
 * matches anything); it says yes when every floor is met, unless it is a `verdict: "no"` rule.
 */
export type MatrixRule = {
  os?: readonly OsName[];
  browsers?: readonly BrowserName[];
  engine?: EngineName;
  minOs?: string;
  minBrowser?: string;
  minEngine?: string;
  /** A further requirement the page cannot observe (a Windows feature update): turns yes into unknown. */
  unseen?: string;
  verdict?: "no";
  /** For a "no" rule: what a person would change to get it (default: the browser if the rule names one, else the OS). */
  blockedBy?: "os" | "browser";
  note?: string;
};

export type MatrixRow = {
  capability: Capability;
  title: string;
  /** "person": a gap changes what this person can do. "site": only how the site can talk to the browser. */
  impact: "person" | "site";
  source: string;
  rules: readonly MatrixRule[];
};

const DESKTOP_CHROMIUM: readonly OsName[] = ["Windows", "macOS", "ChromeOS", "Linux"];
const APPLE_MOBILE: readonly OsName[] = ["iOS", "iPadOS"];
const CHROME_EDGE: readonly BrowserName[] = ["Chrome", "Edge"];
const PASSKEYS_DEV = "passkeys.dev device support";
const MDN = "MDN browser-compat-data";

/** The API table's Chrome/Edge column, applied to every Blink browser by its Chromium version. */
function apiFloors(blink: string | null, gecko: string | null, webkit: string | null): MatrixRule[] {
  const floor = (engine: EngineName, min: string | null): MatrixRule =>
    min === null
      ? { engine, verdict: "no", note: "Not implemented in this browser engine." }
      : { engine, minEngine: min };
  return [floor("Blink", blink), floor("Gecko", gecko), floor("WebKit", webkit)];
}

export const supportMatrix: readonly MatrixRow[] = [
  {
    // Judges whether a browser without PublicKeyCredential is too old for it or had it taken away (findings-basics.ts).
    capability: "webauthn",
    title: "The passkey API (PublicKeyCredential)",
    impact: "site",
    source: MDN,
    rules: apiFloors("67", "60", "13"),
  },
  {
    capability: "synced-passkeys",
    title: "Synced passkeys",
    impact: "person",
    source: PASSKEYS_DEV,
    rules: [
      { os: ["Android"], minOs: "9", note: "Synced by Google Password Manager." },
      { os: APPLE_MOBILE, minOs: "16", note: "Synced by iCloud Keychain." },
      { os: ["macOS"], minOs: "13", note: "Synced by iCloud Keychain." },
      {
        os: ["Windows", "ChromeOS", "Linux"],
        browsers: ["Chrome"],
        minBrowser: "129",
        note: "Synced by Google Password Manager.",
      },
      {
        os: ["Windows"],
        verdict: "no",
        blockedBy: "browser",
        note: "Windows Hello keeps passkeys on this PC; Chrome 129+ syncs them via Google Password Manager.",
      },
      {
        os: ["ChromeOS", "Linux"],
        verdict: "no",
        blockedBy: "browser",
        note: "Only Chrome 129+ (Google Password Manager) or a password manager extension syncs passkeys here.",
      },
    ],
  },
  {
    capability: "autofill",
    title: "Passkeys in autofill (conditional get)",
    impact: "person",
    source: PASSKEYS_DEV,
    rules: [
      { os: ["Android"], browsers: ["Chrome"], minBrowser: "108" },
      { os: ["Android"], browsers: ["Edge"], minBrowser: "122" },
      {
        os: ["Android"],
        browsers: ["Firefox"],
        verdict: "no",
        note: "Firefox on Android does not offer passkeys in autofill.",
      },
      { os: APPLE_MOBILE, minOs: "16.1", note: "Every iOS browser from 16.1." },
      { os: ["macOS"], browsers: ["Safari"], minBrowser: "16.1" },
      { os: ["macOS"], browsers: ["Chrome"], minBrowser: "108" },
      { os: ["macOS"], browsers: ["Firefox", "Edge"], minBrowser: "122" },
      { os: ["Windows"], browsers: ["Chrome"], minBrowser: "108", minOs: "11", unseen: "Windows 11 22H2 or later" },
      {
        os: ["Windows"],
        browsers: ["Firefox", "Edge"],
        minBrowser: "122",
        minOs: "11",
        unseen: "Windows 11 22H2 or later",
      },
      { os: ["ChromeOS", "Linux"], browsers: ["Chrome"], minBrowser: "129" },
    ],
  },
  {
    capability: "conditional-create",
    title: "Automatic passkey creation after a password sign-in (conditional create)",
    impact: "person",
    source: PASSKEYS_DEV,
    rules: [
      { browsers: ["Firefox"], engine: "Gecko", verdict: "no", note: "Firefox has no conditional create." },
      { os: ["Android"], browsers: ["Chrome"], minBrowser: "142" },
      { os: APPLE_MOBILE, minOs: "18" },
      { os: ["macOS"], browsers: ["Safari"], minBrowser: "18" },
      { os: DESKTOP_CHROMIUM, browsers: ["Chrome"], minBrowser: "136" },
    ],
  },
  {
    capability: "hybrid",
    title: "Phone as authenticator (QR code, hybrid)",
    impact: "person",
    source: PASSKEYS_DEV,
    rules: [
      { os: ["Android"], minOs: "9" },
      { os: APPLE_MOBILE, minOs: "16" },
      { os: ["macOS"], minOs: "13", note: "macOS shows the QR code from 13." },
      { os: ["Windows"], minOs: "11", unseen: "Windows 11 23H2 or later", note: "OS-wide from Windows 11 23H2." },
      {
        os: ["Windows"],
        browsers: CHROME_EDGE,
        minBrowser: "108",
        note: "Windows 10 and older Windows 11: only in Chrome and Edge.",
      },
      { os: ["ChromeOS"], browsers: ["Chrome"], minBrowser: "108" },
      { os: ["Linux"], browsers: CHROME_EDGE },
    ],
  },
  {
    capability: "third-party-managers",
    title: "Third-party passkey managers built into the system",
    impact: "person",
    source: PASSKEYS_DEV,
    rules: [
      { os: ["Android"], minOs: "14" },
      { os: APPLE_MOBILE, minOs: "17" },
      { os: ["macOS"], minOs: "14" },
      { os: ["Windows"], minOs: "11", unseen: "Windows 11 24H2/25H2 with the November 2025 update" },
      { os: ["ChromeOS", "Linux"], note: "Through password manager browser extensions." },
    ],
  },
  {
    capability: "related-origins",
    title: "Related origins (one passkey across this site's other domains)",
    impact: "site",
    source: PASSKEYS_DEV,
    rules: [
      { os: ["Android", ...DESKTOP_CHROMIUM], browsers: CHROME_EDGE, minBrowser: "128" },
      { os: APPLE_MOBILE, minOs: "18" },
      { os: ["macOS"], browsers: ["Safari"], minOs: "15" },
    ],
  },
  {
    capability: "get-client-capabilities",
    title: "getClientCapabilities()",
    impact: "site",
    source: MDN,
    rules: apiFloors("133", "135", "17.4"),
  },
  {
    capability: "is-conditional-mediation-available",
    title: "isConditionalMediationAvailable()",
    impact: "site",
    source: MDN,
    rules: apiFloors("108", "119", "16"),
  },
  {
    capability: "json-helpers",
    title: "parseCreationOptionsFromJSON / parseRequestOptionsFromJSON / toJSON",
    impact: "site",
    source: MDN,
    rules: apiFloors("129", "119", "18.4"),
  },
  {
    capability: "signal-api",
    title: "Signal API (keeps your passkey manager's list in step with this site)",
    impact: "person",
    source: `${MDN}; ${PASSKEYS_DEV} (Firefox has no Signal API)`,
    rules: apiFloors("132", null, "26"),
  },
  {
    capability: "hints",
    title: "hints option (which authenticator to offer first)",
    impact: "site",
    source: MDN,
    rules: apiFloors("128", null, null),
  },
];
