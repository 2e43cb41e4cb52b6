// Symptom-led paths: the person picks what they see; each path asks only what the automatic checks could not tell,
// then ends in concrete steps for this person's OS and browser. Pure: platform + findings + answers -> steps, in the
// words of the translator it is given (the page's language, or the reader's when a saved report is shown).
// Facts: docs/compat.md (provider facts, security keys, hybrid, failed biometric prompts).
import { openInBrowserSteps, screenLockSteps } from "@/lib/compat/fix-steps";
import type { Platform } from "@/lib/compat/platform-types";
import type { Translator } from "@/lib/i18n/translator";

export type FindingLike = { id: string; status: "ok" | "warning" | "problem" | "unknown" | "unused" };
export type Question = { id: string; text: string; options: { value: string; label: string }[] };
export type Answers = Record<string, string>;

type T = Translator<"symptoms">;
type QuestionDefinition = { id: string; text: (t: T) => string; options: { value: string; label: (t: T) => string }[] };

type Symptom = {
  id: string;
  title: (t: T) => string;
  questions: QuestionDefinition[];
  steps: (t: T, platform: Platform, findings: FindingLike[], answers: Answers, fixes: Fixes) => string[];
};

/** The fix steps (lib/compat/fix-steps.ts) the paths use, for this platform in the reader's language. */
type Fixes = { screenLock: string; openInBrowser: string };

/** The words a path's steps are made of: its own, and the shared fix steps. */
export type StepWords = { symptoms: T; fixSteps: Translator<"fixSteps"> };

const statusOf = (findings: FindingLike[], id: string) =>
  findings.find((finding) => finding.id === id)?.status ?? "unknown";

const yesNoUnsure = [
  { value: "yes", label: (t: T) => t("yes") },
  { value: "no", label: (t: T) => t("no") },
  { value: "unsure", label: (t: T) => t("notSure") },
];

/** Where passkeys sync on this OS, so a new device gets them. */
function syncStep(t: T, platform: Platform): string {
  if (platform.os.name === "iOS" || platform.os.name === "iPadOS" || platform.os.name === "macOS") {
    return t("syncApple");
  }
  if (platform.os.name === "Android" || platform.browser.name === "Chrome") return t("syncGoogle");
  return t("syncOther");
}

const inAppStep = (t: T, platform: Platform, fixes: Fixes) =>
  platform.inAppBrowser ? [t("inApp", { app: platform.inAppBrowser, openInBrowser: fixes.openInBrowser })] : [];

const symptoms: Symptom[] = [
  {
    id: "add-button-missing",
    title: (t) => t("addButtonMissing.title"),
    questions: [{ id: "signed-in", text: (t) => t("addButtonMissing.signedIn"), options: yesNoUnsure }],
    steps: (t, platform, findings, answers, fixes) => [
      ...inAppStep(t, platform, fixes),
      ...(answers["signed-in"] !== "yes" ? [t("addButtonMissing.signIn")] : []),
      ...(statusOf(findings, "webauthn-present") === "problem" ? [t("addButtonMissing.noSupport")] : []),
      ...(statusOf(findings, "platform-authenticator") !== "ok" ? [fixes.screenLock] : []),
      t("addButtonMissing.reload"),
    ],
  },
  {
    id: "biometric-fails",
    title: (t) => t("biometricFails.title"),
    questions: [
      {
        id: "what-happens",
        text: (t) => t("biometricFails.whatHappens"),
        options: [
          { value: "nothing", label: (t) => t("biometricFails.nothing") },
          { value: "fails", label: (t) => t("biometricFails.fails") },
          { value: "pin", label: (t) => t("biometricFails.pin") },
        ],
      },
    ],
    steps: (t, platform, _findings, answers, fixes) => {
      if (answers["what-happens"] === "pin") {
        return [platform.os.name === "Windows" ? t("biometricFails.windowsPin") : t("biometricFails.otherPin")];
      }
      if (answers["what-happens"] === "nothing") {
        return [...inAppStep(t, platform, fixes), fixes.screenLock, t("biometricFails.focus")];
      }
      return [fixes.screenLock, t("biometricFails.clean"), t("biometricFails.liveTest")];
    },
  },
  {
    id: "not-on-new-device",
    title: (t) => t("notOnNewDevice.title"),
    questions: [
      {
        id: "made-on",
        text: (t) => t("notOnNewDevice.madeOn"),
        options: [
          { value: "apple", label: (t) => t("notOnNewDevice.apple") },
          { value: "google", label: (t) => t("notOnNewDevice.google") },
          { value: "windows", label: (t) => t("notOnNewDevice.windows") },
          { value: "manager", label: (t) => t("notOnNewDevice.manager") },
          { value: "key", label: (t) => t("notOnNewDevice.key") },
          { value: "unsure", label: (t) => t("notSure") },
        ],
      },
    ],
    steps: (t, platform, _findings, answers) => {
      switch (answers["made-on"]) {
        case "apple":
          return [t("notOnNewDevice.appleSync"), t("notOnNewDevice.appleQr")];
        case "google":
          return [syncStep(t, { ...platform, os: { ...platform.os, name: "Android" } }), t("notOnNewDevice.googleQr")];
        case "windows":
          return [t("notOnNewDevice.windowsBound")];
        case "manager":
          return [t("notOnNewDevice.managerInstall")];
        case "key":
          return [t("notOnNewDevice.keyPlug")];
        default:
          return [t("notOnNewDevice.checkList"), syncStep(t, platform)];
      }
    },
  },
  {
    id: "sign-in-fails-after-biometric",
    title: (t) => t("signInFails.title"),
    questions: [],
    steps: (t) => [t("signInFails.deleted"), t("signInFails.removeOld"), t("signInFails.liveTest")],
  },
  {
    id: "lost-device",
    title: (t) => t("lostDevice.title"),
    questions: [],
    steps: (t) => [t("lostDevice.otherWay"), t("lostDevice.removeLost"), t("lostDevice.syncedOrBound")],
  },
  {
    id: "security-key",
    title: (t) => t("securityKey.title"),
    questions: [{ id: "has-pin", text: (t) => t("securityKey.hasPin"), options: yesNoUnsure }],
    steps: (t, platform, _findings, answers) => [
      ...(answers["has-pin"] !== "yes"
        ? [
            platform.os.name === "Windows"
              ? t("securityKey.windowsPin")
              : platform.browser.name === "Chrome" || platform.browser.name === "Edge"
                ? t("securityKey.chromePin")
                : t("securityKey.otherPin"),
          ]
        : []),
      t("securityKey.fido2"),
      ...(platform.os.name === "macOS" ? [t("securityKey.macUsb")] : []),
      t("securityKey.touch"),
    ],
  },
  {
    id: "something-else",
    title: (t) => t("somethingElse.title"),
    questions: [],
    steps: (t) => [t("somethingElse.liveTest")],
  },
];

const find = (id: string) => symptoms.find((symptom) => symptom.id === id);

export function symptomList(t: T): { id: string; title: string }[] {
  return symptoms.map((symptom) => ({ id: symptom.id, title: symptom.title(t) }));
}

export function symptomQuestions(t: T, id: string): Question[] {
  return (find(id)?.questions ?? []).map((question) => ({
    id: question.id,
    text: question.text(t),
    options: question.options.map((option) => ({ value: option.value, label: option.label(t) })),
  }));
}

export function symptomSteps(
  words: StepWords,
  id: string,
  platform: Platform,
  findings: FindingLike[],
  answers: Answers,
): string[] {
  const fixes = {
    screenLock: screenLockSteps(platform, words.fixSteps),
    openInBrowser: openInBrowserSteps(platform, words.fixSteps),
  };
  return find(id)?.steps(words.symptoms, platform, findings, answers, fixes) ?? [];
}

export function symptomTitle(t: T, id: string): string {
  return find(id)?.title(t) ?? id;
}

/**
 * Whether a saved answer set fits a path: a known symptom, and for each of its questions (all answered) one of the
 * question's options. The report stores only these ids, and renders the words in the reader's language.
 */
export function isKnownAnswer(id: string, answers: Answers): boolean {
  const symptom = find(id);
  if (!symptom) return false;
  const questionIds = symptom.questions.map((question) => question.id);
  return (
    Object.keys(answers).every((questionId) => questionIds.includes(questionId)) &&
    symptom.questions.every((question) => question.options.some((option) => option.value === answers[question.id]))
  );
}
