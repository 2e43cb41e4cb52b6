// A saved report in words, in the READER's language (docs/decisions/028): a version 2 report stores facts only — the
// environment the checks judged, the symptom's ids and answers, the live test's verdict codes — and is judged and
// described again here, with the same rules and words the wizard used. A version 1 report (the words the person's
// browser showed, kept up to 30 days) is shown as it was saved.
import "server-only";
import { createTranslator } from "use-intl/core";
import { explainCeremonyError } from "@/lib/compat/browser-errors";
import { evaluateEnvironment } from "@/lib/compat/findings";
import { detectPlatform } from "@/lib/compat/platform";
import { slot } from "@/lib/i18n/fill-in";
import type { Translator } from "@/lib/i18n/translator";
import { LANGUAGE_NAMES, type Locale } from "@/lib/i18n/locales";
import type { Messages } from "next-intl";
import { describeLiveStep, liveTestStepTitles, mismatchTableText } from "./live-test-words";
import type { ReportContent, ReportFacts, StoredReport } from "./report-content";
import { symptomQuestions, symptomSteps, symptomTitle } from "./symptoms";

/** The report view's own words (components/troubleshoot/report-view.tsx), in the reader's language. */
export type ReportViewText = {
  device: string;
  deviceLine: string;
  contact: string | null;
  /** "The person used the wizard in Chinese (简体中文)."; null for a version 1 report, which did not record it. */
  language: string | null;
  problem: string | null;
  liveTest: string;
  /** Sentences with slots (lib/i18n/fill-in.ts) the view fills per item: {name} {cause}, {detail}, {fix}. */
  browserSaid: string;
  verifier: string;
  checks: string;
  fix: string;
  stepTitles: Record<NonNullable<ReportContent["liveTest"]>[number]["step"], string>;
  table: { caption: string; check: string; expected: string; received: string; meaning: string };
};

export type DescribedReport = { report: ReportContent; text: ReportViewText };

async function messagesFor(locale: Locale): Promise<Messages> {
  return (await import(`../../messages/${locale}.json`)).default as Messages;
}

/** Every report, whatever its version, in words; `locale` is the reader's. */
export async function describeReport(content: StoredReport, locale: Locale): Promise<DescribedReport> {
  const messages = await messagesFor(locale);
  const report = content.version === 1 ? content : describeFacts(content, messages, locale);
  return { report, text: viewText(report, content.version === 2 ? content.locale : null, messages, locale) };
}

function describeFacts(facts: ReportFacts, messages: Messages, locale: Locale): ReportContent {
  const symptomsT: Translator<"symptoms"> = createTranslator({ locale, messages, namespace: "symptoms" });
  const liveT: Translator<"liveTest"> = createTranslator({ locale, messages, namespace: "liveTest" });
  const fixSteps: Translator<"fixSteps"> = createTranslator({ locale, messages, namespace: "fixSteps" });
  const findingsT: Translator<"findings"> = createTranslator({ locale, messages, namespace: "findings" });
  const browserErrors: Translator<"browserErrors"> = createTranslator({ locale, messages, namespace: "browserErrors" });
  const platform = detectPlatform(facts.snapshot);
  const findings = evaluateEnvironment(facts.snapshot, platform, { locale, findings: findingsT, fixSteps }).sort(
    (a, b) => URGENCY[a.status] - URGENCY[b.status],
  );
  const symptom = facts.symptom;
  return {
    version: 1,
    platform: { os: platform.os.label, browser: platform.browser.label, inAppBrowser: platform.inAppBrowser },
    findings,
    symptom: symptom && {
      id: symptom.id,
      title: symptomTitle(symptomsT, symptom.id),
      answers: symptomQuestions(symptomsT, symptom.id).map((question) => ({
        question: question.text,
        answer: question.options.find((option) => option.value === symptom.answers[question.id])?.label ?? "",
      })),
      steps: symptomSteps({ symptoms: symptomsT, fixSteps }, symptom.id, platform, findings, symptom.answers),
    },
    liveTest: facts.liveTest?.map((step) => {
      const words = describeLiveStep(liveT, step, locale);
      const explained =
        step.browserError &&
        explainCeremonyError(
          { name: step.browserError.name, code: step.browserError.code, ceremony: stepCeremony(step.step) },
          { browserErrors, fixSteps },
          platform,
        );
      return {
        step: step.step,
        ok: step.ok,
        message: words.message,
        browserError: step.browserError &&
          explained && {
            name: step.browserError.code
              ? `${step.browserError.name} (${step.browserError.code})`
              : step.browserError.name,
            cause: explained.cause,
            fix: explained.fix,
          },
        checks: words.checks,
      };
    }),
    contactEmail: facts.contactEmail,
  };
}

/** Problems first, as the wizard shows them (app/troubleshoot/check-results.tsx). */
const URGENCY = { problem: 0, warning: 1, unknown: 2, ok: 3, unused: 4 } as const;

const stepCeremony = (step: "create" | "get" | "existing-passkey") => (step === "get" ? "get" : "create");

/** The language a report's person used, named in the reader's language and in itself: "Chinese (简体中文)". */
function languageName(person: Locale, reader: Locale): { language: string; native: string } {
  const language = new Intl.DisplayNames([reader], { type: "language" }).of(person) ?? LANGUAGE_NAMES[person];
  return { language, native: person === reader ? "none" : LANGUAGE_NAMES[person] };
}

function viewText(report: ReportContent, person: Locale | null, messages: Messages, locale: Locale): ReportViewText {
  const t: Translator<"report"> = createTranslator({ locale, messages, namespace: "report" });
  const liveT: Translator<"liveTest"> = createTranslator({ locale, messages, namespace: "liveTest" });
  const { platform } = report;
  return {
    device: t("device"),
    deviceLine: platform.inAppBrowser
      ? t("deviceLineInApp", { browser: platform.browser, os: platform.os, app: platform.inAppBrowser })
      : t("deviceLine", { browser: platform.browser, os: platform.os }),
    contact: report.contactEmail ? t("contact", { email: report.contactEmail }) : null,
    language: person && t("language", languageName(person, locale)),
    problem: report.symptom ? t("problem", { title: report.symptom.title }) : null,
    liveTest: t("liveTest"),
    browserSaid: t("browserSaid", { name: slot("name"), cause: slot("cause") }),
    verifier: t("verifier", { detail: slot("detail") }),
    checks: t("checks"),
    fix: t("fix", { fix: slot("fix") }),
    stepTitles: liveTestStepTitles(liveT),
    table: mismatchTableText(liveT),
  };
}
