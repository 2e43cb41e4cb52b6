// Test fixtures: lib/compat's translators in a given language, from next-intl's createTranslator over the message
// files (the server uses getTranslations, lib/compat/translators.ts). `onError` receives a missing or broken message.
import { createTranslator, type IntlError } from "next-intl";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import zh from "@/messages/zh.json";
import type { Locale } from "@/lib/i18n/locales";
import type { ErrorTranslators } from "./browser-errors";
import type { FindingTranslators } from "./finding";

const MESSAGES = { en, es, zh, ar } as Record<Locale, typeof en>;

export function compatTranslators(
  locale: Locale,
  onError?: (error: IntlError) => void,
): FindingTranslators & ErrorTranslators {
  const messages = MESSAGES[locale];
  const options = { locale, messages, ...(onError ? { onError } : {}) };
  return {
    locale,
    findings: createTranslator({ ...options, namespace: "findings" }),
    fixSteps: createTranslator({ ...options, namespace: "fixSteps" }),
    browserErrors: createTranslator({ ...options, namespace: "browserErrors" }),
  };
}

/** The English ones, which the existing assertions read. */
export const english = compatTranslators("en");
