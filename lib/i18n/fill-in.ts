// Client components get their sentences from the server already translated (decision 027: no i18n runtime in the
// browser). When a sentence holds something only the browser knows (the email just typed, the amount just sent), the
// server formats it with a marker in that place, and the client fills it in: the sentence stays whole, in its own word
// order, never glued together from pieces.
import type { ReactNode } from "react";

/** The marker the server puts where the client fills in `name`: t("sent", { amount: slot("amount") }). */
export function slot(name: string): string {
  return `{${name}}`;
}

const SLOT = /\{(\w+)\}/g;

/** The sentence with each marker replaced by its value (text, or an element such as <strong>); unknown ones kept. */
export function fillIn(sentence: string, values: Record<string, ReactNode>): ReactNode[] {
  return sentence
    .split(SLOT)
    .map((part, index) => (index % 2 === 0 ? part : part in values ? values[part] : slot(part)));
}

/** The same, for an attribute or a status message that must be a plain string. */
export function fillInText(sentence: string, values: Record<string, string>): string {
  return sentence.replace(SLOT, (marker, name: string) => values[name] ?? marker);
}
