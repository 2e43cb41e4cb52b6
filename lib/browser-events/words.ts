// Browser events in our own words, in the reader's language, for the person ("Your browser cancelled a passkey
// sign-in") and for support staff (the same sentence, then the facts). Every word comes from the messages, chosen by
// an enumerated value: a stored value outside the lists (a row from an older version) reads as "something else", never
// as itself.
import type { Translator } from "@/lib/i18n/translator";
import { capabilityFields, mediations, outcomes, type BrowserEventReport, type Ceremony } from "./vocabulary";

type Events = Translator<"events">;

const ceremonyKeys = {
  "sign-in": "browser.ceremony.signIn",
  "add-passkey": "browser.ceremony.addPasskey",
  "step-up": "browser.ceremony.stepUp",
  withdrawal: "browser.ceremony.withdrawal",
  "live-test-create": "browser.ceremony.liveTestCreate",
  "live-test-sign-in": "browser.ceremony.liveTestSignIn",
} as const satisfies Record<Ceremony, string>;

const listed = <T extends string>(list: readonly T[], value: string): value is T => list.includes(value as T);

/** How long a ceremony took, as the message's unit and amount: under a second, seconds, minutes, 10 minutes or more. */
function duration(ms: number): { unit: string; amount: number } {
  if (ms < 1000) return { unit: "underSecond", amount: 0 };
  if (ms < 60_000) return { unit: "seconds", amount: Math.round(ms / 1000) };
  return ms >= 600_000 ? { unit: "longer", amount: 10 } : { unit: "minutes", amount: Math.round(ms / 60_000) };
}

type StoredEvent = Pick<BrowserEventReport, "durationMs" | "wrapped"> & {
  ceremony: string;
  mediation: string;
  outcome: string;
  capabilities: Record<string, boolean | null>;
};

/**
 * "Your browser cancelled a passkey sign-in": one sentence per outcome (NotAllowedError covers a closed prompt, a
 * timeout and a refusal alike, docs/compat.md), the ceremony a whole noun phrase in it.
 */
export function browserEventSentence(event: Pick<StoredEvent, "ceremony" | "outcome">, t: Events): string {
  const ceremony = Object.hasOwn(ceremonyKeys, event.ceremony)
    ? t(ceremonyKeys[event.ceremony as Ceremony])
    : t("browser.ceremony.other");
  const outcome = listed(outcomes, event.outcome) ? event.outcome : "other";
  return t("browser.sentence", { outcome, ceremony });
}

/** The facts beside the sentence: how it was asked, how long it took, an extension in between. */
export function browserEventFacts(event: StoredEvent, t: Events): string[] {
  return [
    t("browser.mediation", { mediation: listed(mediations, event.mediation) ? event.mediation : "modal" }),
    t("browser.after", duration(event.durationMs)),
    event.wrapped ? t("browser.wrapped") : null,
  ].filter((fact): fact is string => fact !== null);
}

/** For support: the exact error name (from the list) and what the browser reported it can do. */
export function browserEventTechnicalFacts(event: StoredEvent, t: Events): string[] {
  const outcome = listed(outcomes, event.outcome) ? event.outcome : "other";
  const capabilities = capabilityFields.map((capability) => {
    const value = event.capabilities[capability];
    return t("browser.capability", { capability, value: value === true ? "yes" : value === false ? "no" : "unknown" });
  });
  return [t("browser.answer", { outcome }), ...capabilities];
}
