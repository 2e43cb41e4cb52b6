// A browser without PublicKeyCredential: judged by its version first, then the causes that fit (issue 13 item 3).
import { describe, expect, it } from "vitest";
import { evaluateEnvironment } from "./findings";
import { detectPlatform } from "./platform";
import type { EnvironmentSnapshot } from "./snapshot";
import { UA, healthySnapshot, hints, uaOnly } from "./test-snapshots";
import { english } from "./test-translators";
import { judgeBrowserAge, likelyCausesOfMissingApi } from "./webauthn-missing";

/** The findings in English, as the existing assertions read them. */
const evaluate = (snapshot: EnvironmentSnapshot) => evaluateEnvironment(snapshot, detectPlatform(snapshot), english);

const missing = (snapshot: EnvironmentSnapshot): EnvironmentSnapshot => ({
  ...snapshot,
  publicKeyCredential: {
    present: false,
    constructorName: null,
    native: null,
    wrappedGet: false,
    wrappedCreate: false,
    ownPropertiesOnCredentials: [],
  },
  isUVPAA: null,
  conditionalMediation: null,
  jsonHelpers: null,
  signalApi: null,
});
const chromium156 = missing(
  healthySnapshot({
    userAgent: UA.chromeLinux.replace("131.0.0.0", "156.0.0.0"),
    userAgentData: hints("Chromium", "156", "Linux", "6.8.0"),
  }),
);
const chrome60 = missing(uaOnly(UA.chromeWindowsOld.replace("100.0.4896.127", "60.0.3112.113")));
const presentFinding = (snapshot: EnvironmentSnapshot) =>
  evaluate(snapshot).find((found) => found.id === "webauthn-present")!;

describe("judgeBrowserAge", () => {
  it.each([
    ["Chromium 156 on Linux", chromium156, "current"],
    ["Chrome 131 on Windows", healthySnapshot(), "current"],
    ["Firefox 135", uaOnly(UA.firefoxLinux), "current"],
    ["Safari 17 on iOS", uaOnly(UA.safariIos17), "current"],
    ["Chrome 60", chrome60, "old"],
    ["Safari 12 on macOS", uaOnly(UA.safariMac15.replace("15.6.1", "12.1.2")), "old"],
    ["an unknown browser", uaOnly("Mozilla/5.0 (compatible; SomeBrowser)"), "unknown"],
  ])("%s is %s", (_name, snapshot, age) => {
    expect(judgeBrowserAge(detectPlatform(snapshot))).toBe(age);
  });
});

describe("a current browser without the passkey API", () => {
  const found = presentFinding(chromium156);

  it("is not told it is too old, nor to update", () => {
    expect(found.status).toBe("problem");
    expect(found.meaning).toContain("Chromium 156 has passkey support built in");
    expect(found.meaning).toContain("Updating the browser will not bring it back");
    expect(JSON.stringify(found)).not.toMatch(/too old|Update Chromium|About Google Chrome/);
  });

  it("names the causes that fit a computer, each with a fix: extension, enterprise policy, a script on the page", () => {
    expect(found.causes?.map((cause) => cause.cause)).toEqual([
      expect.stringContaining("browser extension"),
      expect.stringContaining("organisation manages this browser"),
      expect.stringContaining("script on the page"),
    ]);
    expect(found.causes?.[0]?.fix).toContain("incognito");
    expect(found.causes?.[1]?.fix).toContain("chrome://management");
    for (const cause of found.causes ?? []) expect(cause.fix.length).toBeGreaterThan(20);
  });

  it("on a phone, puts an app's built-in browser first and leaves enterprise policy out", () => {
    const phone = presentFinding(
      missing(
        healthySnapshot({
          userAgent: UA.chromeAndroid,
          userAgentData: hints("Google Chrome", "131", "Android", "14.0.0", true),
        }),
      ),
    );
    expect(phone.causes?.[0]?.cause).toContain("inside an app's built-in browser");
    expect(phone.causes?.[0]?.fix).toContain("Open in Chrome");
    expect(phone.causes?.some((cause) => cause.cause.includes("organisation"))).toBe(false);
  });

  it("in Firefox and Edge, points to their own policy pages", () => {
    expect(
      likelyCausesOfMissingApi(detectPlatform(uaOnly(UA.firefoxWindows)), english.findings, english.fixSteps).find(
        (cause) => cause.cause.includes("organisation"),
      )?.fix,
    ).toContain("about:policies");
    expect(
      likelyCausesOfMissingApi(
        detectPlatform(
          healthySnapshot({
            userAgent: UA.edge122,
            userAgentData: hints("Microsoft Edge", "122", "Windows", "15.0.0"),
          }),
        ),
        english.findings,
        english.fixSteps,
      ).find((cause) => cause.cause.includes("organisation"))?.fix,
    ).toContain("edge://management");
  });

  it("the checks that would ask the missing API say there is nothing to ask, not that a version is needed", () => {
    const findings = evaluate(chromium156);
    for (const id of ["platform-authenticator", "autofill", "client-capabilities", "json-helpers", "signal-api"]) {
      const row = findings.find((candidate) => candidate.id === id);
      expect(row?.meaning, id).toContain("nothing to ask");
      expect(row?.fix, id).toBeNull();
    }
    expect(findings.find((candidate) => candidate.id === "browser-version")?.meaning).not.toContain("too old");
  });
});

describe("an old browser without the passkey API", () => {
  it("is told it is too old, with the update steps", () => {
    const found = presentFinding(chrome60);
    expect(found.meaning).toContain("Chrome 60 is too old for passkeys");
    expect(found.fix).toContain("About Google Chrome");
    expect(found.causes).toBeUndefined();
  });
});

describe("a browser whose version cannot be read", () => {
  it("gets the causes and, last, the chance that it is old", () => {
    const found = presentFinding(missing(uaOnly("Mozilla/5.0 (compatible; SomeBrowser)")));
    expect(found.causes?.at(-1)?.cause).toContain("may be too old");
  });
});
