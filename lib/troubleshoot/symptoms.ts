// Symptom-led paths: the person picks what they see; each path asks only what the automatic checks could not tell,
// then ends in concrete steps for this person's OS and browser. Pure: platform + findings + answers -> steps.
// Facts: docs/compat.md (provider facts, security keys, hybrid, failed biometric prompts).
import { openInBrowserSteps, screenLockSteps } from "@/lib/compat/fix-steps";
import type { Platform } from "@/lib/compat/platform-types";

export type FindingLike = { id: string; status: "ok" | "warning" | "problem" | "unknown" | "unused" };
export type Question = { id: string; text: string; options: { value: string; label: string }[] };
export type Answers = Record<string, string>;

type Symptom = {
  id: string;
  title: string;
  questions: (platform: Platform, findings: FindingLike[]) => Question[];
  steps: (platform: Platform, findings: FindingLike[], answers: Answers) => string[];
};

const statusOf = (findings: FindingLike[], id: string) =>
  findings.find((finding) => finding.id === id)?.status ?? "unknown";

/** Where passkeys sync on this OS, so a new device gets them. */
function syncStep(platform: Platform): string {
  if (platform.os.name === "iOS" || platform.os.name === "iPadOS" || platform.os.name === "macOS") {
    return "Turn on iCloud Keychain (Settings → [your name] → iCloud → Passwords and Keychain) with the same Apple Account and two-factor authentication on.";
  }
  if (platform.os.name === "Android" || platform.browser.name === "Chrome") {
    return "Sign in to Chrome or Android with the same Google account and turn on Google Password Manager sync; on a new device, enter the old device's screen lock or your Google Password Manager PIN when asked.";
  }
  return "Use a passkey provider that syncs (Google Password Manager in Chrome, iCloud Keychain, or a password manager such as 1Password or Bitwarden) on both devices.";
}

const inAppStep = (platform: Platform) =>
  platform.inAppBrowser
    ? [`You are inside ${platform.inAppBrowser}, which cannot use passkeys. ${openInBrowserSteps(platform)}`]
    : [];

const symptoms: Symptom[] = [
  {
    id: "add-button-missing",
    title: "The “Add passkey” button is missing",
    questions: () => [
      {
        id: "signed-in",
        text: "Are you signed in, with two-factor authentication turned on?",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
          { value: "unsure", label: "Not sure" },
        ],
      },
    ],
    steps: (platform, findings, answers) => [
      ...inAppStep(platform),
      ...(answers["signed-in"] !== "yes"
        ? [
            "Sign in, then turn on two-factor authentication: this site (like many exchanges) offers passkeys only after that.",
          ]
        : []),
      ...(statusOf(findings, "webauthn-present") === "problem"
        ? [
            "This browser has no passkey support on this page: the check “Passkey support in this browser” above says why, and what to do.",
          ]
        : []),
      ...(statusOf(findings, "platform-authenticator") !== "ok" ? [screenLockSteps(platform)] : []),
      "Reload the account page. If the button is still missing, run the live test (step 3 of /troubleshoot) and save a report for support.",
    ],
  },
  {
    id: "biometric-fails",
    title: "The fingerprint or face prompt fails",
    questions: () => [
      {
        id: "what-happens",
        text: "What happens when you try?",
        options: [
          { value: "nothing", label: "No prompt appears at all" },
          { value: "fails", label: "The prompt appears, then fails" },
          { value: "pin", label: "It asks for a PIN or password I don't know" },
        ],
      },
    ],
    steps: (platform, _findings, answers) => {
      if (answers["what-happens"] === "pin") {
        return [
          platform.os.name === "Windows"
            ? "That is your Windows Hello PIN (not your Microsoft password). Reset it: Settings → Accounts → Sign-in options → PIN → I forgot my PIN."
            : "That is your device's screen-lock PIN or password, or a security key's PIN. Use the one you unlock the device with.",
        ];
      }
      if (answers["what-happens"] === "nothing") {
        return [
          ...inAppStep(platform),
          screenLockSteps(platform),
          "Make sure this browser window is in front, then try again: passkey prompts only open in a focused window.",
        ];
      }
      return [
        screenLockSteps(platform),
        "Clean the sensor and re-enrol the finger or face, or choose the PIN option in the prompt.",
        "Run the live test (step 3 of /troubleshoot): it tells whether the failure is on the device or on our side.",
      ];
    },
  },
  {
    id: "not-on-new-device",
    title: "My passkey is not on my new phone or computer (not syncing)",
    questions: () => [
      {
        id: "made-on",
        text: "Where did you make the passkey?",
        options: [
          { value: "apple", label: "iPhone, iPad or Mac" },
          { value: "google", label: "Android phone or Chrome" },
          { value: "windows", label: "Windows PC (Windows Hello)" },
          { value: "manager", label: "A password manager (1Password, Bitwarden, …)" },
          { value: "key", label: "A security key" },
          { value: "unsure", label: "Not sure" },
        ],
      },
    ],
    steps: (platform, _findings, answers) => {
      switch (answers["made-on"]) {
        case "apple":
          return [
            "Apple passkeys sync through iCloud Keychain to devices with the same Apple Account, iCloud Keychain on and two-factor authentication on.",
            "On a non-Apple device, choose “Use a phone or tablet” and scan the QR code with your iPhone.",
          ];
        case "google":
          return [
            syncStep({ ...platform, os: { ...platform.os, name: "Android" } }),
            "On an iPhone or a computer without your Google account, choose “Use a phone or tablet” and scan the QR code with your Android phone.",
          ];
        case "windows":
          return [
            "Windows Hello passkeys stay on the PC that made them: they do not sync. Sign in another way (password and code, or another passkey) and add a new passkey on this device.",
          ];
        case "manager":
          return [
            "Install the same password manager on this device (app and browser extension) and sign in to it: your passkey is there.",
          ];
        case "key":
          return [
            "A security key's passkey lives on the key: plug it in or hold it to the phone (NFC) when signing in.",
          ];
        default:
          return [
            "Open your account's passkey list on a device where you are signed in: the provider name tells where each passkey lives.",
            syncStep(platform),
          ];
      }
    },
  },
  {
    id: "sign-in-fails-after-biometric",
    title: "Sign-in fails although the fingerprint works",
    questions: () => [],
    steps: () => [
      "The passkey your device offered may belong to an account or passkey that was deleted here: pick another passkey, or sign in another way and check your passkey list.",
      "Remove old passkeys for this site from your device or password manager if your account no longer lists them.",
      "Run the live test (step 3 of /troubleshoot): if it fails on our side, the mismatch table shows exactly why, and the saved report lets support see it.",
    ],
  },
  {
    id: "lost-device",
    title: "I lost or reset my device",
    questions: () => [],
    steps: () => [
      "Sign in another way: another passkey, your password with an authenticator code, or a recovery code.",
      "Remove the lost device's passkey from your account's passkey list, one at a time.",
      "A synced passkey (iCloud Keychain, Google Password Manager, a password manager) is still on your other devices; a device-bound one (Windows Hello, a reset phone) is gone for good: add a new passkey.",
    ],
  },
  {
    id: "security-key",
    title: "My security key does not work",
    questions: () => [
      {
        id: "has-pin",
        text: "Has your security key got a PIN?",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
          { value: "unsure", label: "Not sure" },
        ],
      },
    ],
    steps: (platform, _findings, answers) => [
      ...(answers["has-pin"] !== "yes"
        ? [
            platform.os.name === "Windows"
              ? "Set a PIN on the key: Settings → Accounts → Sign-in options → Security Key → Manage."
              : platform.browser.name === "Chrome" || platform.browser.name === "Edge"
                ? "Set a PIN on the key: in the browser, Settings → Privacy and security → Security → Manage security keys → Create a PIN."
                : "Set a PIN on the key with its maker's app (for a YubiKey: Yubico Authenticator). iPhones and Macs need the PIN before a key can hold a passkey.",
          ]
        : []),
      "Passkeys need a FIDO2 key: older U2F-only keys (such as YubiKey 4 or NEO) cannot hold them.",
      ...(platform.os.name === "macOS" ? ["Browsers on a Mac do not use NFC: plug the key in over USB."] : []),
      "Touch the key when it blinks; try another USB port or cable if it never lights up.",
    ],
  },
  {
    id: "something-else",
    title: "Something else",
    questions: () => [],
    steps: () => [
      "Run the live test (step 3 of /troubleshoot) and save a report: read its code to support staff, who will see exactly what happened.",
    ],
  },
];

export const symptomList = symptoms.map(({ id, title }) => ({ id, title }));

export function symptomQuestions(id: string, platform: Platform, findings: FindingLike[]): Question[] {
  return symptoms.find((symptom) => symptom.id === id)?.questions(platform, findings) ?? [];
}

export function symptomSteps(id: string, platform: Platform, findings: FindingLike[], answers: Answers): string[] {
  return symptoms.find((symptom) => symptom.id === id)?.steps(platform, findings, answers) ?? [];
}

export function symptomTitle(id: string): string {
  return symptoms.find((symptom) => symptom.id === id)?.title ?? id;
}
