import { describe, expect, it } from "vitest";
import type { FindingStatus } from "./finding";
import { evaluateEnvironment } from "./findings";
import { noJavaScriptFinding } from "./findings-basics";
import type { EnvironmentSnapshot } from "./snapshot";
import { UA, healthySnapshot, hints, uaOnly } from "./test-snapshots";

const credential = (overrides: Partial<NonNullable<EnvironmentSnapshot["publicKeyCredential"]>>) => ({
  present: true,
  constructorName: "PublicKeyCredential",
  native: true,
  wrappedGet: false,
  wrappedCreate: false,
  ownPropertiesOnCredentials: [],
  ...overrides,
});
const android = (overrides: Partial<EnvironmentSnapshot> = {}) =>
  healthySnapshot({ userAgent: UA.chromeAndroid, userAgentData: hints("Google Chrome", "131", "Android", "14.0.0", true), ...overrides });
const at = (origin: string) => {
  const url = new URL(origin);
  return { origin: url.origin, protocol: url.protocol, hostname: url.hostname };
};

/** [case, snapshot, finding id, expected status, substring of the fix (null: no fix)] */
type Row = [string, EnvironmentSnapshot, string, FindingStatus, string | null];

const rows: Row[] = [
  ["script ran", healthySnapshot(), "javascript", "ok", null],

  ["https page", healthySnapshot(), "secure-context", "ok", null],
  ["opened by LAN IP", healthySnapshot({ location: at("https://192.168.1.20:3000") }), "secure-context", "problem", "usual web address"],
  ["opened by 127.0.0.1", healthySnapshot({ location: at("http://127.0.0.1:3000") }), "secure-context", "problem", "http://localhost"],
  ["opened by IPv6 loopback", healthySnapshot({ location: at("http://[::1]:3000") }), "secure-context", "problem", "http://localhost"],
  ["plain http", healthySnapshot({ isSecureContext: false, location: at("http://passkeys.example") }), "secure-context", "problem", "Open https://passkeys.example"],
  ["not reported", healthySnapshot({ isSecureContext: null, location: null }), "secure-context", "unknown", null],

  ["real browser", healthySnapshot(), "in-app-browser", "ok", null],
  ["Facebook on iOS", uaOnly(UA.facebookIos), "in-app-browser", "problem", "Open in Safari"],
  ["Facebook on Android", uaOnly(UA.facebookAndroid), "in-app-browser", "problem", "Open in Chrome"],
  ["Android WebView", uaOnly(UA.androidWebView), "in-app-browser", "problem", "Open in Chrome"],
  ["no User-Agent", uaOnly(""), "in-app-browser", "unknown", null],

  ["PublicKeyCredential present", healthySnapshot(), "webauthn-present", "ok", null],
  ["missing in Android WebView", uaOnly(UA.androidWebView, { publicKeyCredential: credential({ present: false }) }), "webauthn-present", "problem", "Open in Chrome"],
  ["missing on http", healthySnapshot({ isSecureContext: false, publicKeyCredential: credential({ present: false }) }), "webauthn-present", "problem", "https://"],
  ["missing in an old browser", healthySnapshot({ publicKeyCredential: credential({ present: false }) }), "webauthn-present", "problem", "About Google Chrome"],
  ["check did not run", healthySnapshot({ publicKeyCredential: null }), "webauthn-present", "unknown", null],

  ["native API", healthySnapshot(), "webauthn-native", "ok", null],
  ["Bitwarden's polyfill", healthySnapshot({ publicKeyCredential: credential({ constructorName: "PolyfillPublicKeyCredential" }) }), "webauthn-native", "warning", "turn the extension off"],
  ["wrapped credentials.get", healthySnapshot({ publicKeyCredential: credential({ wrappedGet: true }) }), "webauthn-native", "warning", "extension's prompt"],
  ["own properties on credentials", healthySnapshot({ publicKeyCredential: credential({ ownPropertiesOnCredentials: ["get"] }) }), "webauthn-native", "warning", "extension"],
  ["nothing to inspect", healthySnapshot({ publicKeyCredential: credential({ present: false }) }), "webauthn-native", "unknown", null],

  ["UVPAA true", healthySnapshot(), "platform-authenticator", "ok", null],
  ["UVPAA false on Android: no screen lock", android({ isUVPAA: false }), "platform-authenticator", "warning", "Settings → Security"],
  ["UVPAA false on Windows: no Windows Hello", healthySnapshot({ isUVPAA: false }), "platform-authenticator", "warning", "PIN (Windows Hello)"],
  ["UVPAA not answered", healthySnapshot({ isUVPAA: null }), "platform-authenticator", "unknown", null],

  ["autofill available", healthySnapshot(), "autofill", "ok", null],
  ["Firefox on Android has none", uaOnly(UA.firefoxAndroid, { conditionalMediation: false }), "autofill", "warning", "Autofill works in Chrome or Edge"],
  ["Chrome 100 is too old", healthySnapshot({ userAgent: UA.chromeWindowsOld, userAgentData: hints("Google Chrome", "100", "Windows", "15.0.0"), conditionalMediation: false }), "autofill", "warning", "About Google Chrome"],
  ["not answered", healthySnapshot({ conditionalMediation: null }), "autofill", "unknown", null],

  ["getClientCapabilities answered", healthySnapshot({ clientCapabilities: { conditionalGet: true } }), "client-capabilities", "ok", null],
  ["not available in Edge 122", healthySnapshot({ userAgent: UA.edge122, userAgentData: hints("Microsoft Edge", "122", "Windows", "15.0.0") }), "client-capabilities", "unknown", "About Microsoft Edge"],
  ["conditionalGet true", healthySnapshot({ clientCapabilities: { conditionalGet: true } }), "capability-conditional-get", "ok", null],
  ["Safari 17.4–18.2 conditionalMediation alias", uaOnly(UA.safariMac17, { clientCapabilities: { conditionalMediation: false } }), "capability-conditional-get", "warning", "Sign in with a passkey"],
  ["no hybrid transport", healthySnapshot({ clientCapabilities: { hybridTransport: false } }), "capability-hybrid-transport", "warning", "Bluetooth"],
  ["no platform authenticator on Windows", healthySnapshot({ clientCapabilities: { passkeyPlatformAuthenticator: false } }), "capability-passkey-platform-authenticator", "warning", "Windows Hello"],
  ["no Signal API capability", uaOnly(UA.firefoxLinux, { clientCapabilities: { signalAllAcceptedCredentials: false } }), "capability-signal-all-accepted-credentials", "warning", "delete it in the password manager"],
  ["related origins false does not matter here", healthySnapshot({ clientCapabilities: { relatedOrigins: false } }), "capability-related-origins", "ok", null],
  ["an extension key is reported as a fact", healthySnapshot({ clientCapabilities: { "extension:prf": false } }), "capability-extension-prf", "ok", null],

  ["JSON helpers present", healthySnapshot(), "json-helpers", "ok", null],
  ["JSON helpers missing on iOS 17", uaOnly(UA.safariIos17, { jsonHelpers: { parseCreationOptionsFromJSON: false, parseRequestOptionsFromJSON: false, toJSON: true } }), "json-helpers", "warning", "Software Update"],
  ["JSON helpers not checked", healthySnapshot({ jsonHelpers: null }), "json-helpers", "unknown", null],

  ["Signal API present", healthySnapshot(), "signal-api", "ok", null],
  ["Firefox has no Signal API", uaOnly(UA.firefoxLinux, { signalApi: { signalUnknownCredential: false, signalAllAcceptedCredentials: false, signalCurrentUserDetails: false } }), "signal-api", "warning", "Chrome and Edge do this automatically"],
  ["Edge 122 predates it", healthySnapshot({ userAgent: UA.edge122, userAgentData: hints("Microsoft Edge", "122", "Windows", "15.0.0"), signalApi: { signalUnknownCredential: false, signalAllAcceptedCredentials: false, signalCurrentUserDetails: false } }), "signal-api", "warning", "About Microsoft Edge"],
  ["Signal API not checked", healthySnapshot({ signalApi: null }), "signal-api", "unknown", null],

  ["cookie round trip", healthySnapshot(), "cookies", "ok", null],
  ["cookie lost on iOS", uaOnly(UA.safariIos17, { cookieRoundTrip: "failed" }), "cookies", "problem", "Block All Cookies"],
  ["cookies off in Firefox", uaOnly(UA.firefoxLinux, { cookiesEnabled: false, cookieRoundTrip: "unknown" }), "cookies", "problem", "Enhanced Tracking Protection"],
  ["cookie test unfinished", healthySnapshot({ cookieRoundTrip: "unknown" }), "cookies", "unknown", null],

  ["server answered", healthySnapshot(), "server-reachable", "ok", null],
  ["server unreachable", healthySnapshot({ serverReachable: "failed" }), "server-reachable", "problem", "content blocker"],
  ["server test unfinished", healthySnapshot({ serverReachable: null }), "server-reachable", "unknown", null],

  ["top-level page", healthySnapshot(), "iframe", "ok", null],
  ["same-origin frame", healthySnapshot({ inIframe: true, crossOriginIframe: false }), "iframe", "ok", null],
  ["framed by another site", healthySnapshot({ inIframe: true, crossOriginIframe: true }), "iframe", "warning", "Open https://passkeys.example in its own tab"],
  ["frame status unknown", healthySnapshot({ inIframe: null }), "iframe", "unknown", null],
];

describe("evaluateEnvironment", () => {
  it.each(rows)("%s → %s is %s", (_case, snapshot, id, status, fix) => {
    const found = evaluateEnvironment(snapshot).find((candidate) => candidate.id === id);
    expect(found, `no finding ${id}`).toBeDefined();
    expect(found?.status).toBe(status);
    if (fix === null) expect(found?.fix).toBeNull();
    else expect(found?.fix).toContain(fix);
    expect(found?.meaning.length).toBeGreaterThan(0);
  });

  it("reports every rule once, in a stable order, and the same snapshot always gives the same findings", () => {
    const snapshot = healthySnapshot({ clientCapabilities: { conditionalGet: true, hybridTransport: true } });
    const ids = evaluateEnvironment(snapshot).map((found) => found.id);
    expect(ids).toEqual([
      "javascript",
      "secure-context",
      "in-app-browser",
      "webauthn-present",
      "webauthn-native",
      "platform-authenticator",
      "autofill",
      "client-capabilities",
      "capability-conditional-get",
      "capability-hybrid-transport",
      "json-helpers",
      "signal-api",
      "cookies",
      "server-reachable",
      "iframe",
      "os-version",
      "browser-version",
    ]);
    expect(evaluateEnvironment(snapshot)).toEqual(evaluateEnvironment(snapshot));
  });

  it("says which capabilities getClientCapabilities left out are unknown, not missing", () => {
    const summary = evaluateEnvironment(healthySnapshot({ clientCapabilities: { conditionalGet: true } })).find((found) => found.id === "client-capabilities");
    expect(summary?.meaning).toContain("hybridTransport, passkeyPlatformAuthenticator, userVerifyingPlatformAuthenticator: those are unknown, not missing");
  });

  it("offers a finding for pages where JavaScript never ran", () => {
    expect(noJavaScriptFinding).toMatchObject({ id: "javascript", status: "problem", fix: expect.stringContaining("Turn JavaScript on") });
  });
});
