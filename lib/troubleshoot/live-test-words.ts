// The live test's steps in words, from their facts: on the wizard's page (the actions answer in the request's
// language) and when a saved report is read (in the reader's language). One place, so both say the same.
import "server-only";
import type { Translator } from "@/lib/i18n/translator";
import { describeChecks, type MismatchCheck } from "./mismatch";
import type { LiveTestStepFact } from "./report-content";

type T = Translator<"liveTest">;

export type LiveTestStepWords = { title: string; message: string; checks: MismatchCheck[]; facts?: string };

/** Every step's title, for the page that names them (the wizard, a report). */
export function liveTestStepTitles(t: T): Record<LiveTestStepFact["step"], string> {
  return { "existing-passkey": t("stepExistingPasskey"), create: t("stepCreate"), get: t("stepGet") };
}

/** The mismatch table's headings (components/troubleshoot/mismatch-table.tsx), in the page's or the reader's language. */
export type MismatchTableText = { caption: string; check: string; expected: string; received: string; meaning: string };

/** The mismatch table's headings. */
export function mismatchTableText(t: T): MismatchTableText {
  return {
    caption: t("tableCaption"),
    check: t("tableCheck"),
    expected: t("tableExpected"),
    received: t("tableReceived"),
    meaning: t("tableMeaning"),
  };
}

function message(t: T, fact: LiveTestStepFact): string {
  if (fact.step === "existing-passkey") return t("existingPasskey");
  if (fact.browserError) return fact.step === "create" ? t("browserRefusedCreate") : t("browserRefusedGet");
  if (fact.ok) return fact.step === "create" ? t("created") : t("signedIn");
  if (fact.reason === "passkey:expired") return t("expired");
  if (fact.reason === "passkey:malformed") return t("malformed");
  if (fact.reason === "passkey:uv-missing" && fact.step === "get") return t("uvMissing");
  if (fact.reason) return fact.step === "create" ? t("createRefused") : t("signInRefused");
  // No verdict at all: the request to the server failed before one could be given.
  return t("requestFailed");
}

export function describeLiveStep(t: T, fact: LiveTestStepFact, locale: string): LiveTestStepWords {
  return {
    title: liveTestStepTitles(t)[fact.step],
    message: message(t, fact),
    checks: describeChecks(t, fact.checks, locale),
    facts:
      fact.facts &&
      t("facts", {
        authenticator: fact.facts.authenticator,
        storage: fact.facts.storage === "can-sync" ? "canSync" : fact.facts.storage,
        userVerified: fact.facts.userVerified ? "yes" : "no",
      }),
  };
}
