import { describe, expect, it } from "vitest";
import type { FindingStatus } from "./finding";
import { evaluateEnvironment } from "./findings";
import { detectPlatform } from "./platform";
import { noJavaScriptFinding } from "./findings-basics";
import type { EnvironmentSnapshot } from "./snapshot";
import { UA, healthySnapshot, hints, uaOnly } from "./test-snapshots";
import { english } from "./test-translators";

/** The findings in English, as the existing assertions read them. */
const evaluate = (snapshot: EnvironmentSnapshot) => evaluateEnvironment(snapshot, detectPlatform(snapshot), english);

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
  healthySnapshot({
    userAgent: UA.chromeAndroid,
    userAgentData: hints("Google Chrome", "131", "Android", "14.0.0", true),
    ...overrides,
  });
const at = (origin: string) => {
  const url = new URL(origin);
  return { origin: url.origin, protocol: url.protocol, hostname: url.hostname };
};

/** [case, snapshot, finding id, expected status, substring of the fix (null: no fix)] */
type Row = [string, EnvironmentSnapshot, string, FindingStatus, string | null];

const rows: Row[] = [
  ["script ran", healthySnapshot(), "javascript", "ok", null],

  ["https page", healthySnapshot(), "secure-context", "ok", null],
  [
    "opened by LAN IP",
    healthySnapshot({ location: at("https://192.168.1.20:3000") }),
    "secure-context",
    "problem",
    "usual web address",
  ],
  [
    "opened by 127.0.0.1",
    healthySnapshot({ location: at("http://127.0.0.1:3000") }),
    "secure-context",
    "problem",
    "http://localhost",
  ],
  [
    "opened by IPv6 loopback",
    healthySnapshot({ location: at("http://[::1]:3000") }),
    "secure-context",
    "problem",
    "http://localhost",
  ],
  [
    "plain http",
    healthySnapshot({ isSecureContext: false, location: at("http://passkeys.example") }),
    "secure-context",
    "problem",
    "Open https://passkeys.example",
  ],
  ["not reported", healthySnapshot({ isSecureContext: null, location: null }), "secure-context", "unknown", null],

  ["real browser", healthySnapshot(), "in-app-browser", "ok", null],
  ["Facebook on iOS", uaOnly(UA.facebookIos), "in-app-browser", "problem", "Open in Safari"],
  ["Facebook on Android", uaOnly(UA.facebookAndroid), "in-app-browser", "problem", "Open in Chrome"],
  ["Android WebView", uaOnly(UA.androidWebView), "in-app-browser", "problem", "Open in Chrome"],
  ["no User-Agent", uaOnly(""), "in-app-browser", "unknown", null],

  ["PublicKeyCredential present", healthySnapshot(), "webauthn-present", "ok", null],
  [
    "missing in Android WebView",
    uaOnly(UA.androidWebView, { publicKeyCredential: credential({ present: false }) }),
    "webauthn-present",
    "problem",
    "Open in Chrome",
  ],
  [
    "missing on http",
    healthySnapshot({ isSecureContext: false, publicKeyCredential: credential({ present: false }) }),
    "webauthn-present",
    "problem",
    "https://",
  ],
  [
    "missing in Chrome 60: too old",
    healthySnapshot({
      userAgent: UA.chromeWindowsOld.replace("100.0.4896.127", "60.0.3112.113"),
      userAgentData: null,
      publicKeyCredential: credential({ present: false }),
    }),
    "webauthn-present",
    "problem",
    "About Google Chrome",
  ],
  [
    "missing in current Chrome: taken away, not old",
    healthySnapshot({ publicKeyCredential: credential({ present: false }) }),
    "webauthn-present",
    "problem",
    "likely causes",
  ],
  ["check did not run", healthySnapshot({ publicKeyCredential: null }), "webauthn-present", "unknown", null],

  ["native API", healthySnapshot(), "webauthn-native", "ok", null],
  [
    "Bitwarden's polyfill",
    healthySnapshot({ publicKeyCredential: credential({ constructorName: "PolyfillPublicKeyCredential" }) }),
    "webauthn-native",
    "warning",
    "turn the extension off",
  ],
  [
    "wrapped credentials.get",
    healthySnapshot({ publicKeyCredential: credential({ wrappedGet: true }) }),
    "webauthn-native",
    "warning",
    "extension's prompt",
  ],
  [
    "own properties on credentials",
    healthySnapshot({ publicKeyCredential: credential({ ownPropertiesOnCredentials: ["get"] }) }),
    "webauthn-native",
    "warning",
    "extension",
  ],
  [
    "nothing to inspect",
    healthySnapshot({ publicKeyCredential: credential({ present: false }) }),
    "webauthn-native",
    "unknown",
    null,
  ],

  ["UVPAA true", healthySnapshot(), "platform-authenticator", "ok", null],
  [
    "UVPAA false on Android: no screen lock",
    android({ isUVPAA: false }),
    "platform-authenticator",
    "warning",
    "Settings → Security",
  ],
  [
    "UVPAA false on Windows: no Windows Hello",
    healthySnapshot({ isUVPAA: false }),
    "platform-authenticator",
    "warning",
    "PIN (Windows Hello)",
  ],
  ["UVPAA not answered", healthySnapshot({ isUVPAA: null }), "platform-authenticator", "unknown", null],
  [
    "UVPAA not answered, capability says yes",
    healthySnapshot({ isUVPAA: null, clientCapabilities: { userVerifyingPlatformAuthenticator: true } }),
    "platform-authenticator",
    "ok",
    null,
  ],
  [
    "verifies you but keeps no passkeys (Windows)",
    healthySnapshot({ clientCapabilities: { passkeyPlatformAuthenticator: false } }),
    "platform-authenticator",
    "warning",
    "Windows Hello",
  ],
  [
    "no passkey API: nothing to ask",
    healthySnapshot({ isUVPAA: null, publicKeyCredential: credential({ present: false }) }),
    "platform-authenticator",
    "unknown",
    null,
  ],

  ["autofill available", healthySnapshot(), "autofill", "ok", null],
  [
    "Firefox on Android has none",
    uaOnly(UA.firefoxAndroid, { conditionalMediation: false }),
    "autofill",
    "warning",
    "Autofill works in Chrome or Edge",
  ],
  [
    "Chrome 100 is too old",
    healthySnapshot({
      userAgent: UA.chromeWindowsOld,
      userAgentData: hints("Google Chrome", "100", "Windows", "15.0.0"),
      conditionalMediation: false,
    }),
    "autofill",
    "warning",
    "About Google Chrome",
  ],
  ["not answered", healthySnapshot({ conditionalMediation: null }), "autofill", "unknown", null],
  [
    "Safari 17.4–18.2 conditionalMediation alias",
    uaOnly(UA.safariMac17, { conditionalMediation: null, clientCapabilities: { conditionalMediation: false } }),
    "autofill",
    "warning",
    "Sign in with a passkey",
  ],
  [
    "no passkey API: nothing to ask (not “needs Chrome 108”)",
    healthySnapshot({ conditionalMediation: null, publicKeyCredential: credential({ present: false }) }),
    "autofill",
    "unknown",
    null,
  ],

  [
    "getClientCapabilities answered",
    healthySnapshot({ clientCapabilities: { conditionalGet: true } }),
    "client-capabilities",
    "ok",
    null,
  ],
  [
    "not available in Edge 122",
    healthySnapshot({ userAgent: UA.edge122, userAgentData: hints("Microsoft Edge", "122", "Windows", "15.0.0") }),
    "client-capabilities",
    "unknown",
    "About Microsoft Edge",
  ],
  [
    "no hybrid transport",
    healthySnapshot({ clientCapabilities: { hybridTransport: false } }),
    "capability-hybrid-transport",
    "warning",
    "Bluetooth",
  ],
  [
    "related origins false: not used here, not OK",
    healthySnapshot({ clientCapabilities: { relatedOrigins: false } }),
    "capabilities-not-used",
    "unused",
    null,
  ],
  [
    "PRF unavailable: a warning of its own, since the account page's passkey note needs it",
    healthySnapshot({ clientCapabilities: { "extension:prf": false } }),
    "capability-extension-prf",
    "warning",
    "current Chrome",
  ],
  [
    "an unavailable extension: not used here, not OK",
    healthySnapshot({ clientCapabilities: { "extension:largeBlob": false } }),
    "capabilities-not-used",
    "unused",
    null,
  ],

  ["JSON helpers present", healthySnapshot(), "json-helpers", "ok", null],
  [
    "JSON helpers missing on iOS 17",
    uaOnly(UA.safariIos17, {
      jsonHelpers: { parseCreationOptionsFromJSON: false, parseRequestOptionsFromJSON: false, toJSON: true },
    }),
    "json-helpers",
    "warning",
    "Software Update",
  ],
  ["JSON helpers not checked", healthySnapshot({ jsonHelpers: null }), "json-helpers", "unknown", null],

  ["Signal API present", healthySnapshot(), "signal-api", "ok", null],
  [
    "Firefox has no Signal API",
    uaOnly(UA.firefoxLinux, {
      signalApi: {
        signalUnknownCredential: false,
        signalAllAcceptedCredentials: false,
        signalCurrentUserDetails: false,
      },
    }),
    "signal-api",
    "warning",
    "Chrome and Edge do this automatically",
  ],
  [
    "Edge 122 predates it",
    healthySnapshot({
      userAgent: UA.edge122,
      userAgentData: hints("Microsoft Edge", "122", "Windows", "15.0.0"),
      signalApi: {
        signalUnknownCredential: false,
        signalAllAcceptedCredentials: false,
        signalCurrentUserDetails: false,
      },
    }),
    "signal-api",
    "warning",
    "About Microsoft Edge",
  ],
  ["Signal API not checked", healthySnapshot({ signalApi: null }), "signal-api", "unknown", null],
  [
    "Signal API read from getClientCapabilities",
    uaOnly(UA.firefoxLinux, { signalApi: null, clientCapabilities: { signalAllAcceptedCredentials: false } }),
    "signal-api",
    "warning",
    "delete it in the password manager",
  ],

  ["cookie round trip", healthySnapshot(), "cookies", "ok", null],
  [
    "cookie lost on iOS",
    uaOnly(UA.safariIos17, { cookieRoundTrip: "failed" }),
    "cookies",
    "problem",
    "Block All Cookies",
  ],
  [
    "cookies off in Firefox",
    uaOnly(UA.firefoxLinux, { cookiesEnabled: false, cookieRoundTrip: "unknown" }),
    "cookies",
    "problem",
    "Enhanced Tracking Protection",
  ],
  ["cookie test unfinished", healthySnapshot({ cookieRoundTrip: "unknown" }), "cookies", "unknown", null],

  ["server answered", healthySnapshot(), "server-reachable", "ok", null],
  [
    "server unreachable",
    healthySnapshot({ serverReachable: "failed" }),
    "server-reachable",
    "problem",
    "content blocker",
  ],
  ["server test unfinished", healthySnapshot({ serverReachable: null }), "server-reachable", "unknown", null],

  ["top-level page", healthySnapshot(), "iframe", "ok", null],
  ["same-origin frame", healthySnapshot({ inIframe: true, crossOriginIframe: false }), "iframe", "ok", null],
  [
    "framed by another site",
    healthySnapshot({ inIframe: true, crossOriginIframe: true }),
    "iframe",
    "warning",
    "Open https://passkeys.example in its own tab",
  ],
  ["frame status unknown", healthySnapshot({ inIframe: null }), "iframe", "unknown", null],
];

describe("evaluateEnvironment", () => {
  it.each(rows)("%s → %s is %s", (_case, snapshot, id, status, fix) => {
    const found = evaluate(snapshot).find((candidate) => candidate.id === id);
    expect(found, `no finding ${id}`).toBeDefined();
    expect(found?.status).toBe(status);
    if (fix === null) expect(found?.fix).toBeNull();
    else expect(found?.fix).toContain(fix);
    expect(found?.meaning.length).toBeGreaterThan(0);
  });

  it("reports every rule once, in a stable order, and the same snapshot always gives the same findings", () => {
    const snapshot = healthySnapshot({ clientCapabilities: { conditionalGet: true, hybridTransport: true } });
    const ids = evaluate(snapshot).map((found) => found.id);
    expect(ids).toEqual([
      "javascript",
      "secure-context",
      "in-app-browser",
      "webauthn-present",
      "webauthn-native",
      "platform-authenticator",
      "autofill",
      "client-capabilities",
      "capability-hybrid-transport",
      "json-helpers",
      "signal-api",
      "cookies",
      "server-reachable",
      "iframe",
      "os-version",
      "browser-version",
    ]);
    expect(evaluate(snapshot)).toEqual(evaluate(snapshot));
  });

  it("gives one row per fact: autofill, the built-in authenticator and the Signal API once each, unused features in one row", () => {
    // What Chromium reports: 9 capabilities and 14 extensions.
    const extensions = [
      "appid",
      "appidExclude",
      "credBlob",
      "credProps",
      "credentialProtectionPolicy",
      "enforceCredentialProtectionPolicy",
      "getCredBlob",
      "hmacCreateSecret",
      "largeBlob",
      "minPinLength",
      "payment",
      "prf",
      "remoteDesktopClientOverride",
      "supplementalPubKeys",
    ];
    const clientCapabilities = {
      conditionalCreate: true,
      conditionalGet: true,
      hybridTransport: true,
      passkeyPlatformAuthenticator: true,
      userVerifyingPlatformAuthenticator: true,
      relatedOrigins: true,
      signalAllAcceptedCredentials: true,
      signalCurrentUserDetails: true,
      signalUnknownCredential: true,
      ...Object.fromEntries(
        extensions.map((name) => [`extension:${name}`, name !== "largeBlob" && name !== "payment"]),
      ),
    };
    const findings = evaluate(healthySnapshot({ clientCapabilities }));
    expect(findings.filter((found) => /autofill/i.test(found.title))).toHaveLength(1);
    expect(findings.filter((found) => /built-in authenticator/i.test(found.title))).toHaveLength(1);
    expect(findings.filter((found) => /passkey manager/i.test(found.title))).toHaveLength(1);
    const unused = findings.filter((found) => found.status === "unused");
    expect(unused).toHaveLength(1);
    expect(unused[0]?.meaning).toContain("Not available · not used here: extension:largeBlob, extension:payment.");
    expect(unused[0]?.meaning).not.toContain("extension:prf");
    expect(findings.find((found) => found.id === "capability-extension-prf")?.status).toBe("ok");
    expect(findings.filter((found) => found.status === "ok" && /extension:/.test(found.meaning))).toEqual([]);
    expect(findings.find((found) => found.id === "autofill")?.detail).toContain("conditionalGet=true");
  });

  it("explains automatic upgrade and immediate sign-in as extras: on when reported, never a warning when not", () => {
    const on = evaluate(healthySnapshot({ clientCapabilities: { conditionalCreate: true, immediateGet: true } }));
    expect(on.find((found) => found.id === "capability-immediate-get")).toMatchObject({
      title: "Immediate sign-in",
      status: "ok",
      detail: "getClientCapabilities().immediateGet = true",
    });
    expect(on.find((found) => found.id === "capability-conditional-create")?.meaning).toContain("without asking");
    const off = evaluate(healthySnapshot({ clientCapabilities: { conditionalCreate: false, immediateGet: false } }));
    for (const id of ["capability-immediate-get", "capability-conditional-create"]) {
      expect(off.find((found) => found.id === id)?.status).toBe("ok");
      expect(off.find((found) => found.id === id)?.fix).toBeNull();
    }
    expect(off.find((found) => found.id === "capability-immediate-get")?.meaning).toContain(
      "does not offer quick sign-in",
    );
    expect(off.find((found) => found.id === "capabilities-not-used")?.meaning ?? "").not.toMatch(
      /immediate|automatic/i,
    );
  });

  it("says which capabilities getClientCapabilities left out are unknown, not missing", () => {
    const summary = evaluate(healthySnapshot({ clientCapabilities: { conditionalGet: true } })).find(
      (found) => found.id === "client-capabilities",
    );
    expect(summary?.meaning).toContain(
      "hybridTransport, passkeyPlatformAuthenticator, userVerifyingPlatformAuthenticator: those are unknown, not missing",
    );
  });

  it("offers a finding for pages where JavaScript never ran", () => {
    expect(noJavaScriptFinding(english.findings)).toMatchObject({
      id: "javascript",
      status: "problem",
      fix: expect.stringContaining("Turn JavaScript on"),
    });
  });
});
