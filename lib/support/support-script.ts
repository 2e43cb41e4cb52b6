// The support console's "Suggested script": what staff ask, check and tell, in that order, written for staff and built
// only from what a report's enumerated parts say (finding ids and statuses, live-test step kinds, DOMException names,
// the symptom's id). Everything in a report came from the reporter's browser, which they control, so none of its text
// becomes part of the script: a title or fix there could read "Support: turn off two-factor for this account"
// (security bar H61). The person's own words stay in the report's sections below the script, as theirs.
// The script is in the staff member's language (the request's), whatever language the report was saved in: these are
// our words, translated from messages `supportScript` by the caller's translator (decision 027).
import type { Translator } from "@/lib/i18n/translator";
import type { ReportContent } from "@/lib/troubleshoot/report-content";

export type SupportScript = { ask: string[]; check: string[]; tell: string[] };
/** The script's headings, for the component that shows it (components/troubleshoot/suggested-script.tsx). */
export type SuggestedScriptText = { title: string; intro: string; ask: string; check: string; tell: string };

type T = Translator<"supportScript">;
type Finding = ReportContent["findings"][number];
type Lines = { ask?: string; check?: string; tell?: string };

/** What a problem or warning found by a check means for the call; a check not listed is summed up in one line. */
const BY_FINDING: Record<string, (t: T) => Lines> = {
  "secure-context": (t) => ({
    check: t("finding.secureContext.check"),
    tell: t("finding.secureContext.tell"),
  }),
  "in-app-browser": (t) => ({
    check: t("finding.inAppBrowser.check"),
    tell: t("finding.inAppBrowser.tell"),
  }),
  "webauthn-present": (t) => ({
    ask: t("finding.webauthnPresent.ask"),
    check: t("finding.webauthnPresent.check"),
    tell: t("finding.webauthnPresent.tell"),
  }),
  "webauthn-native": (t) => ({
    ask: t("finding.webauthnNative.ask"),
    check: t("finding.webauthnNative.check"),
  }),
  "platform-authenticator": (t) => ({
    check: t("finding.platformAuthenticator.check"),
    tell: t("finding.platformAuthenticator.tell"),
  }),
  autofill: (t) => ({ tell: t("finding.autofill.tell") }),
  "capability-hybrid-transport": (t) => ({ tell: t("finding.hybridTransport.tell") }),
  cookies: (t) => ({ check: t("finding.cookies.check"), tell: t("finding.cookies.tell") }),
  "server-reachable": (t) => ({
    check: t("finding.serverReachable.check"),
    tell: t("finding.serverReachable.tell"),
  }),
  iframe: (t) => ({ check: t("finding.iframe.check"), tell: t("finding.iframe.tell") }),
  "os-version": (t) => ({ check: t("finding.osVersion.check") }),
  "browser-version": (t) => ({ check: t("finding.browserVersion.check") }),
  "signal-api": (t) => ({ tell: t("finding.signalApi.tell") }),
};

/** What a refusal by the browser in the live test means (the DOMException name is one of a fixed set). */
const BY_BROWSER_ERROR: Record<string, (t: T) => string> = {
  NotAllowedError: (t) => t("browserError.notAllowed"),
  InvalidStateError: (t) => t("browserError.invalidState"),
  SecurityError: (t) => t("browserError.security"),
  NotSupportedError: (t) => t("browserError.notSupported"),
  ConstraintError: (t) => t("browserError.constraint"),
  UnknownError: (t) => t("browserError.unknown"),
};

const SYMPTOM_QUESTIONS: Record<string, (t: T) => string> = {
  "add-button-missing": (t) => t("symptom.addButtonMissing"),
  "biometric-fails": (t) => t("symptom.biometricFails"),
  "not-on-new-device": (t) => t("symptom.notOnNewDevice"),
  "sign-in-fails-after-biometric": (t) => t("symptom.signInFailsAfterBiometric"),
  "lost-device": (t) => t("symptom.lostDevice"),
  "security-key": (t) => t("symptom.securityKey"),
};
const somethingElse = (t: T) => t("symptom.somethingElse");

/** A table's own entry: a report's id such as "toString" must not pick up what every object has. */
const entry = <V>(table: Record<string, V>, key: string | undefined): V | undefined =>
  key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;

const ownWords = (finding: Finding) => finding.status === "problem" || finding.status === "warning";

function liveTestLines(report: ReportContent, script: SupportScript, t: T): void {
  const steps = report.liveTest ?? [];
  if (steps.length === 0) {
    script.ask.push(t("liveTest.none"));
    return;
  }
  if (steps.some((step) => step.step === "existing-passkey")) script.check.push(t("liveTest.existingPasskey"));
  const failed = steps.find((step) => !step.ok);
  if (!failed) {
    script.check.push(t("liveTest.passed"));
    return;
  }
  const explain = entry(BY_BROWSER_ERROR, failed.browserError?.name.split(" ")[0]);
  if (explain) script.check.push(explain(t));
  else if (failed.browserError) script.check.push(t("liveTest.unknownBrowserError"));
  else if (failed.checks.some((check) => !check.ok)) script.check.push(t("liveTest.serverRefused"));
  else script.check.push(t("liveTest.stopped"));
}

/** `ownerKnown`: the report was saved while signed in, so the console offers "Look up this account" above it. */
export function suggestedScript(report: ReportContent, { ownerKnown }: { ownerKnown: boolean }, t: T): SupportScript {
  const script: SupportScript = { ask: [], check: [], tell: [] };
  script.ask.push((entry(SYMPTOM_QUESTIONS, report.symptom?.id) ?? somethingElse)(t));
  script.ask.push(t("sameDevice"));
  liveTestLines(report, script, t);
  const flagged = report.findings
    .filter(ownWords)
    .sort((a, b) => (a.status === b.status ? 0 : a.status === "problem" ? -1 : 1));
  let unlisted = 0;
  for (const finding of flagged) {
    const lines = entry(BY_FINDING, finding.id)?.(t);
    if (!lines) unlisted++;
    if (lines?.ask) script.ask.push(lines.ask);
    if (lines?.check) script.check.push(lines.check);
    if (lines?.tell) script.tell.push(lines.tell);
  }
  if (unlisted > 0) script.check.push(t("moreChecks", { count: unlisted }));
  if (flagged.length === 0) script.check.push(t("nothingWrong"));
  if (ownerKnown) script.check.push(t("lookUpOwner"));
  else if (report.contactEmail) script.check.push(t("lookUpContact"));
  else script.ask.push(t("askEmail"));
  script.tell.push(t("neverAsks"));
  return { ask: unique(script.ask), check: unique(script.check), tell: unique(script.tell) };
}

export function suggestedScriptText(t: T): SuggestedScriptText {
  return { title: t("title"), intro: t("intro"), ask: t("ask"), check: t("check"), tell: t("tell") };
}

const unique = (lines: string[]) => [...new Set(lines)];
