// The words a person reads for a failure (issue 16 part 2): messages `errors.<area>.<reason>` for each code, or a named
// variant where the call site knows more ("errors.totp.check-clock"). A failure carries the key and its values, never
// a language; the action boundary says it in the request's language (lib/auth/action-guard.ts), and everything else
// — route handlers for developers, logs, tests — reads the English one made with it. Imported only for types by
// client code, so messages/en.json never reaches the browser.
import type { Messages, MessageKeys, NestedKeyOf } from "next-intl";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import type { Translator } from "@/lib/i18n/translator";

type ErrorMessages = Messages["errors"];
export type ErrorMessageKey = MessageKeys<ErrorMessages, NestedKeyOf<ErrorMessages>>;
type ErrorMessageValues = Record<string, string | number | Date>;

/** What a failure says: a key of messages `errors`, with the values its ICU message takes. */
export type ErrorWords = { key: ErrorMessageKey; values?: ErrorMessageValues };

const english = createTranslator({ locale: "en", messages: en, namespace: "errors", timeZone: "UTC" });

/** The words in the translator's language. */
export function sayIn(t: Translator<"errors">, words: ErrorWords): string {
  return (t as (key: string, values?: ErrorMessageValues) => string)(words.key, words.values);
}

export const sayInEnglish = (words: ErrorWords): string => sayIn(english as Translator<"errors">, words);

/** Whether `text` names a message of `errors`: a zod schema's message may (lib/auth/action-guard.ts parseInput). */
export function isErrorMessageKey(text: unknown): text is ErrorMessageKey {
  return typeof text === "string" && english.has(text as ErrorMessageKey);
}
