// The support console's "Suggested script": what staff ask, check and tell, in that order, written for staff and built
// only from what a report's enumerated parts say (finding ids and statuses, live-test step kinds, DOMException names,
// the symptom's id). Everything in a report came from the reporter's browser, which they control, so none of its text
// becomes part of the script: a title or fix there could read "Support: turn off two-factor for this account"
// (security bar H61). The person's own words stay in the report's sections below the script, as theirs.
import type { ReportContent } from "@/lib/troubleshoot/report-content";

export type SupportScript = { ask: string[]; check: string[]; tell: string[] };

type Finding = ReportContent["findings"][number];
type Lines = { ask?: string; check?: string; tell?: string };

/** What a problem or warning found by a check means for the call; a check not listed is summed up in one line. */
const BY_FINDING: Record<string, Lines> = {
  "secure-context": {
    check: "The page was not opened on this site's own https address (an IP address or plain http).",
    tell: "Open the site by its usual https address, not a number or an old bookmark.",
  },
  "in-app-browser": {
    check: "The page was open inside an app's built-in browser, where passkeys often do not work.",
    tell: "Open the link in the real browser (the app's menu → Open in Chrome or Safari).",
  },
  "webauthn-present": {
    ask: "Is this a work or school computer, and do they use browser extensions (privacy, security or script blockers)?",
    check: "The browser had no passkey support on this page: the check lists the likely causes, the likeliest first.",
    tell: "Try a private window with extensions off; on a work computer, ask their IT department whether passkeys are blocked.",
  },
  "webauthn-native": {
    ask: "Which password manager do they use (1Password, Bitwarden, …)? Its extension takes over passkey requests here.",
    check: "A password-manager extension intercepts passkey requests: their passkey may live in it, not on the device.",
  },
  "platform-authenticator": {
    check: "The device reported no built-in authenticator (no screen lock, or Windows Hello not set up).",
    tell: "Set a screen lock or Windows Hello PIN, or use a passkey on their phone (QR code) or a security key.",
  },
  autofill: {
    tell: "Passkeys do not appear in the email field's suggestions in this browser: use the “Sign in with a passkey” button.",
  },
  "capability-hybrid-transport": {
    tell: "To use a passkey on their phone: Bluetooth on, on both devices, and both online.",
  },
  cookies: {
    check: "Cookies did not come back from this browser, so no sign-in can stick.",
    tell: "Allow cookies for this site (or leave private mode, turn the blocker off for this site), then reload.",
  },
  "server-reachable": {
    check: "The device could not reach our server.",
    tell: "Check the connection, VPN or content blocker, then reload.",
  },
  iframe: { check: "The page was framed by another site.", tell: "Open the site in its own tab." },
  "os-version": {
    check: "The operating system lacks something passkeys need here (see Operating system under the checks).",
  },
  "browser-version": { check: "The browser version lacks passkey features (see Browser under the checks)." },
  "signal-api": {
    tell: "After removing a passkey here, delete it in their password manager too: this browser does not pass that on.",
  },
};

/** What a refusal by the browser in the live test means (the DOMException name is one of a fixed set). */
const BY_BROWSER_ERROR: Record<string, string> = {
  NotAllowedError:
    "The person cancelled, the prompt timed out, or the device could not verify them (the live test's NotAllowedError).",
  InvalidStateError: "The device already holds a passkey it was asked to exclude (the live test's InvalidStateError).",
  SecurityError:
    "The browser refused the site's passkey settings for this address (the live test's SecurityError): a site problem, escalate.",
  NotSupportedError: "The authenticator supports none of our key types (the live test's NotSupportedError): escalate.",
  ConstraintError:
    "The authenticator cannot verify the user, e.g. a security key without a PIN (the live test's ConstraintError).",
  UnknownError: "The authenticator failed without saying why (the live test's UnknownError).",
};

const SYMPTOM_QUESTIONS: Record<string, string> = {
  "add-button-missing": "Are they signed in, with two-factor on? The “Add a passkey” button appears only then.",
  "biometric-fails": "What exactly happens: no prompt at all, a prompt that fails, or a PIN they do not know?",
  "not-on-new-device":
    "Where was the passkey made (Apple, Google, Windows Hello, a password manager, a security key)? Only synced ones follow them.",
  "sign-in-fails-after-biometric":
    "Which passkey does the device offer (its name and provider)? It may belong to a passkey this account no longer has.",
  "lost-device":
    "Can they still sign in another way: another passkey, the password with an authenticator code, or a recovery code?",
  "security-key": "Which key is it, and has it got a PIN? Older U2F-only keys cannot hold passkeys.",
  "something-else": "What were they trying to do, and what did the screen say?",
};

const ownWords = (finding: Finding) => finding.status === "problem" || finding.status === "warning";

function liveTestLines(report: ReportContent, script: SupportScript): void {
  const steps = report.liveTest ?? [];
  if (steps.length === 0) {
    script.ask.push(
      "There is no live test in this report. Ask them to open /troubleshoot on the device that fails, press “Run the live test”, then save a new report and read you its code.",
    );
    return;
  }
  if (steps.some((step) => step.step === "existing-passkey")) {
    script.check.push(
      "Their passkey for this account is on this device: the device declined to make a second one. Nothing is wrong with that.",
    );
  }
  const failed = steps.find((step) => !step.ok);
  if (!failed) {
    script.check.push("The live test passed: this device and our server make and use passkeys together.");
    return;
  }
  const name = failed.browserError?.name.split(" ")[0];
  if (name && BY_BROWSER_ERROR[name]) script.check.push(BY_BROWSER_ERROR[name]);
  else if (failed.browserError)
    script.check.push(
      "The browser refused the live test with an error we do not recognise: see Live test below, and escalate.",
    );
  else if (failed.checks.some((check) => !check.ok))
    script.check.push(
      "Our server refused the live test: the rows marked Problem in the Live test table say what differed (origin, RP ID, flags).",
    );
  else
    script.check.push(
      "The live test stopped before it finished (expired or lost connection): ask them to run it once more.",
    );
}

/** `ownerKnown`: the report was saved while signed in, so the console offers "Look up this account" above it. */
export function suggestedScript(report: ReportContent, { ownerKnown }: { ownerKnown: boolean }): SupportScript {
  const script: SupportScript = { ask: [], check: [], tell: [] };
  script.ask.push(
    report.symptom
      ? (SYMPTOM_QUESTIONS[report.symptom.id] ?? SYMPTOM_QUESTIONS["something-else"]!)
      : SYMPTOM_QUESTIONS["something-else"]!,
  );
  script.ask.push("Are they on the same device and browser as under Device below, the one where signing in fails?");
  liveTestLines(report, script);
  const flagged = report.findings
    .filter(ownWords)
    .sort((a, b) => (a.status === b.status ? 0 : a.status === "problem" ? -1 : 1));
  let unlisted = 0;
  for (const finding of flagged) {
    const lines = BY_FINDING[finding.id];
    if (!lines) unlisted++;
    if (lines?.ask) script.ask.push(lines.ask);
    if (lines?.check) script.check.push(lines.check);
    if (lines?.tell) script.tell.push(lines.tell);
  }
  if (unlisted > 0)
    script.check.push(
      `${unlisted === 1 ? "One more check needs" : `${unlisted} more checks need`} attention: see Automatic checks below.`,
    );
  if (flagged.length === 0) script.check.push("The automatic checks found nothing wrong on this device.");
  const account = "its passkeys, whether it is locked, and the failed sign-ins with the server's reasons";
  if (ownerKnown) script.check.push(`Look up the account with “Look up this account” above: ${account}.`);
  else if (report.contactEmail)
    script.check.push(
      `Look up the contact email shown under Device in “Look up an account”, after they confirm it is theirs: ${account}.`,
    );
  else script.ask.push(`What is the email of their account? Look it up in “Look up an account”: ${account}.`);
  script.tell.push(
    "Support never asks for a password, an authenticator code or a recovery code, and never changes the account for them.",
  );
  return { ask: unique(script.ask), check: unique(script.check), tell: unique(script.tell) };
}

const unique = (lines: string[]) => [...new Set(lines)];
