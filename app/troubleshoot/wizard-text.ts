// The wizard's words for its client parts, built on the server in the page's language (decision 027): each part gets
// only what it shows. The symptom steps and the live test's verdicts come later from server actions, in it too.
import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/locales";
import { slot } from "@/lib/i18n/fill-in";
import { liveTestStepTitles, mismatchTableText } from "@/lib/troubleshoot/live-test-words";
import { symptomList, symptomQuestions } from "@/lib/troubleshoot/symptoms";
import type { LiveTestText } from "./live-test";
import type { SaveReportText } from "./save-report";
import type { WhatGoesWrongText } from "./wizard";

export async function whatGoesWrongText(): Promise<WhatGoesWrongText> {
  const [t, symptomsT] = await Promise.all([getTranslations("wizard"), getTranslations("symptoms")]);
  return {
    card: t("whatGoesWrongCard"),
    summary: t("pickSymptom"),
    loading: t("loadingQuestions"),
    path: {
      legend: t("symptomLegend"),
      symptoms: symptomList(symptomsT).map(({ id, title }) => ({
        id,
        title,
        questions: symptomQuestions(symptomsT, id),
      })),
      stepsFor: t("stepsFor", { browser: slot("browser"), os: slot("os") }),
      stepsLabel: t("stepsLabel"),
    },
  };
}

export async function liveTestText(): Promise<LiveTestText> {
  const [t, liveT] = await Promise.all([getTranslations("wizard"), getTranslations("liveTest")]);
  return {
    runLiveTest: t("runLiveTest"),
    runAgain: t("runAgain"),
    signingIn: t("signingIn"),
    making: t("making"),
    resultsLabel: t("resultsLabel"),
    stepResult: t("stepResult", { title: slot("title"), message: slot("message") }),
    cause: t("cause"),
    fix: t("fix"),
    browserError: t("browserError", { name: slot("name") }),
    serverSaid: t("serverSaid", { detail: slot("detail") }),
    stepTitles: liveTestStepTitles(liveT),
    existingPasskey: liveT("existingPasskey"),
    browserRefused: { create: liveT("browserRefusedCreate"), get: liveT("browserRefusedGet") },
    table: mismatchTableText(liveT),
  };
}

export async function saveReportText(email: string | null): Promise<SaveReportText> {
  const [t, locale] = await Promise.all([getTranslations("wizard"), getLocale()]);
  return {
    locale: isLocale(locale) ? locale : "en",
    includeEmail: email ? t("includeEmail", { email }) : null,
    saveReport: t("saveReport"),
    waitForLiveTest: t("waitForLiveTest"),
    savedCode: t("savedCode", { code: slot("code") }),
    viewReport: t("viewReport"),
  };
}
