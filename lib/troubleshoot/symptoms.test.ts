import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Platform } from "@/lib/compat/platform-types";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import zh from "@/messages/zh.json";
import {
  isKnownAnswer,
  symptomList as listIn,
  symptomQuestions as questionsIn,
  symptomSteps as stepsIn,
} from "./symptoms";

const t = createTranslator({ locale: "en", messages: en, namespace: "symptoms" });
const fixSteps = createTranslator({ locale: "en", messages: en, namespace: "fixSteps" });
const symptomList = listIn(t);
const symptomQuestions = (id: string) => questionsIn(t, id);
const symptomSteps = (...args: [string, Platform, Parameters<typeof stepsIn>[3], Record<string, string>]) =>
  stepsIn({ symptoms: t, fixSteps }, ...args);

const platform = (
  os: Platform["os"]["name"],
  browser: Platform["browser"]["name"] = "Chrome",
  inAppBrowser: string | null = null,
): Platform => ({
  os: { name: os, version: null, versionIsMinimum: false, versionSource: "none", label: os },
  browser: { name: browser, version: null, majorVersion: null, label: browser },
  engine: { name: "Blink", version: null, versionIsMinimum: false },
  inAppBrowser,
});

describe("symptom paths", () => {
  it("offers every symptom from the issue, and each ends in at least one step", () => {
    expect(symptomList.map((symptom) => symptom.id)).toEqual([
      "add-button-missing",
      "biometric-fails",
      "not-on-new-device",
      "sign-in-fails-after-biometric",
      "lost-device",
      "security-key",
      "something-else",
    ]);
    for (const { id } of symptomList) expect(symptomSteps(id, platform("Windows"), [], {}).length).toBeGreaterThan(0);
  });

  it.each([
    ["Windows", "Windows Hello"],
    ["Android", "Screen lock"],
    ["iOS", "Passcode"],
    ["macOS", "Touch ID"],
  ] as const)(
    "tells a person on %s where to set up the screen lock when the platform authenticator is missing",
    (os, words) => {
      const steps = symptomSteps(
        "add-button-missing",
        platform(os),
        [{ id: "platform-authenticator", status: "problem" }],
        { "signed-in": "yes" },
      );
      expect(steps.join(" ")).toContain(words);
    },
  );

  it("sends an in-app browser user to a real browser, and asks only what the checks cannot tell", () => {
    const steps = symptomSteps("add-button-missing", platform("iOS", "Safari", "Instagram"), [], {
      "signed-in": "yes",
    });
    expect(steps[0]).toContain("inside Instagram, which cannot use passkeys");
    expect(steps[0]).toContain("Open in Safari");
    expect(symptomQuestions("lost-device")).toEqual([]);
  });

  it("explains sync per provider, and that Windows Hello passkeys never sync", () => {
    expect(symptomSteps("not-on-new-device", platform("Windows"), [], { "made-on": "windows" }).join(" ")).toContain(
      "do not sync",
    );
    expect(symptomSteps("not-on-new-device", platform("Windows"), [], { "made-on": "apple" }).join(" ")).toContain(
      "iCloud Keychain",
    );
  });

  it("gives the PIN set-up place that fits the OS and browser for a security key", () => {
    expect(symptomSteps("security-key", platform("Windows"), [], { "has-pin": "no" })[0]).toContain(
      "Sign-in options → Security Key",
    );
    expect(symptomSteps("security-key", platform("Linux", "Chrome"), [], { "has-pin": "no" })[0]).toContain(
      "Manage security keys",
    );
    expect(symptomSteps("security-key", platform("macOS", "Safari"), [], { "has-pin": "unsure" }).join(" ")).toContain(
      "do not use NFC",
    );
  });

  it("speaks Spanish, Chinese and Arabic too, with the same paths and questions", () => {
    for (const [locale, messages] of [
      ["es", es],
      ["zh", zh],
      ["ar", ar],
    ] as const) {
      const translated = createTranslator({ locale, messages, namespace: "symptoms" });
      expect(listIn(translated).map((symptom) => symptom.id)).toEqual(symptomList.map((symptom) => symptom.id));
      const words = { symptoms: translated, fixSteps: createTranslator({ locale, messages, namespace: "fixSteps" }) };
      const steps = stepsIn(words, "security-key", platform("Windows"), [], { "has-pin": "no" });
      expect(steps.length).toBe(3);
      expect(steps.join(" ")).not.toContain("Set a PIN on the key");
      expect(questionsIn(translated, "biometric-fails")[0]!.text).not.toBe(
        symptomQuestions("biometric-fails")[0]!.text,
      );
    }
  });

  it("knows a saved answer set only when it fits a path", () => {
    expect(isKnownAnswer("security-key", { "has-pin": "yes" })).toBe(true);
    expect(isKnownAnswer("lost-device", {})).toBe(true);
    expect(isKnownAnswer("security-key", {})).toBe(false);
    expect(isKnownAnswer("security-key", { "has-pin": "maybe" })).toBe(false);
    expect(isKnownAnswer("lost-device", { extra: "yes" })).toBe(false);
    expect(isKnownAnswer("no-such-path", {})).toBe(false);
  });
});
