// The translators lib/compat's words come from, on the server: the request's locale (cookie, then Accept-Language,
// lib/i18n/request.ts), or an explicit one (the report card stays English, decision 027).
import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import type { ErrorTranslators } from "./browser-errors";
import type { FindingTranslators } from "./finding";

export async function findingTranslators(explicit?: Locale): Promise<FindingTranslators> {
  const locale = explicit ?? (await getLocale());
  return {
    locale,
    findings: await getTranslations({ locale, namespace: "findings" }),
    fixSteps: await getTranslations({ locale, namespace: "fixSteps" }),
  };
}

export async function errorTranslators(explicit?: Locale): Promise<ErrorTranslators> {
  const locale = explicit ?? (await getLocale());
  return {
    browserErrors: await getTranslations({ locale, namespace: "browserErrors" }),
    fixSteps: await getTranslations({ locale, namespace: "fixSteps" }),
  };
}
