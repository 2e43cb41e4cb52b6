"use server";

// A passkey ceremony's failure explained in the page's language (issue 16): the browser sends what it knows as
// enumerated facts only (the DOMException name from a fixed list or "other", SimpleWebAuthn's code, the ceremony,
// the message's hint, timings), never the browser's free-text message. Nothing is stored and no account is touched,
// so anyone may ask and there is nothing to rate-limit; the platform comes from this request's User-Agent.
import { headers } from "next/headers";
import { z } from "zod";
import { answerSafely, parseInput } from "@/lib/auth/action-guard";
import type { Translator } from "@/lib/i18n/translator";
import { ok, type Result } from "@/lib/result";
import { explainCeremonyError } from "./browser-errors";
import { DOM_EXCEPTION_NAMES, WEBAUTHN_ERROR_CODES } from "./ceremony-error-names";
import { MESSAGE_HINTS } from "./error-message-hint";
import { detectPlatform } from "./platform";
import { errorTranslators } from "./translators";

const milliseconds = z.number().int().min(0).max(86_400_000);

const failureInput = z.strictObject({
  name: z.enum(["other", ...DOM_EXCEPTION_NAMES]),
  code: z.enum(WEBAUTHN_ERROR_CODES).optional(),
  ceremony: z.enum(["create", "get"]),
  hint: z.enum(MESSAGE_HINTS).optional(),
  elapsedMs: milliseconds.optional(),
  timeoutMs: milliseconds.optional(),
  /** The report card is a developer page and stays English (decision 027); every other page reads the request's. */
  locale: z.literal("en").optional(),
});

export type BrowserFailureFacts = z.infer<typeof failureInput>;

/**
 * `cause` and `fix` for the wizard and the report card; for the portal's pages, `message` (one line) or, when the
 * error covers several causes, `causes` and `fixes` one per line with `message` saying only that it did not finish.
 */
export type BrowserFailureExplanation = {
  cause: string;
  fix: string;
  message: string;
  causes?: string[];
  fixes?: string[];
};

export async function explainBrowserFailureAction(input: unknown): Promise<Result<BrowserFailureExplanation>> {
  return answerSafely(async () => {
    const parsed = parseInput(failureInput, input);
    if (!parsed.ok) return parsed;
    const { name, locale, ...facts } = parsed.data;
    const translators = await errorTranslators(locale);
    const userAgent = (await headers()).get("user-agent") ?? undefined;
    const platform = userAgent ? detectPlatform({ javascript: true, userAgent }) : undefined;
    const explained = explainCeremonyError(
      { ...facts, name: name === "other" ? undefined : name },
      translators,
      platform,
    );
    const t: Translator<"browserErrors"> = translators.browserErrors;
    const { cause, fix, causes, fixes } = explained;
    if (causes && fixes) {
      const message = facts.ceremony === "get" ? t("didNotFinish") : t("notMade");
      return ok({ cause, fix, message, causes, fixes });
    }
    return ok({ cause, fix, message: t("causeAndFix", { cause, fix }) });
  });
}
