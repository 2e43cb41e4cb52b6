// Browser events in our own words, for the person ("Your browser cancelled a passkey sign-in") and for support staff
// (the same sentence, then the facts). Every word comes from these tables, chosen by an enumerated value: a stored
// value outside them (a row from an older version) reads as "something else", never as itself.
import type { BrowserEventReport, CapabilityField, Ceremony, Mediation, Outcome } from "./vocabulary";

const ceremonyWords: Record<Ceremony, string> = {
  "sign-in": "a passkey sign-in",
  "add-passkey": "adding a passkey",
  "step-up": "a passkey check to confirm it was you",
  withdrawal: "a passkey check for a withdrawal",
  "live-test-create": "the troubleshooting test's new passkey",
  "live-test-sign-in": "the troubleshooting test's passkey sign-in",
};

/** "Your browser … {ceremony}". NotAllowedError covers a closed prompt, a timeout and a refusal alike (docs/compat.md). */
const outcomeWords: Record<Outcome, string> = {
  ok: "finished",
  NotAllowedError: "cancelled",
  AbortError: "stopped (the page or another request interrupted it)",
  InvalidStateError: "refused (this device already holds a passkey for it)",
  NotSupportedError: "could not do",
  SecurityError: "refused for this site's address",
  ConstraintError: "could not verify you for",
  UnknownError: "failed (the authenticator reported an error) at",
  TypeError: "could not read the site's request for",
  NetworkError: "lost the connection during",
  other: "failed at",
};

const capabilityWords: Record<CapabilityField, string> = {
  secureContext: "secure page",
  platformAuthenticator: "built-in authenticator",
  conditionalMediation: "autofill",
  hybridTransport: "phone as authenticator",
  passkeyPlatformAuthenticator: "passkeys on this device",
  signalApi: "Signal API",
};

const known = <K extends string>(table: Record<K, string>, value: string, otherwise: string) =>
  Object.hasOwn(table, value) ? table[value as K] : otherwise;

export function durationWords(ms: number): string {
  if (ms < 1000) return "under a second";
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  return ms >= 600_000 ? "10 minutes or more" : `${Math.round(ms / 60_000)} min`;
}

type StoredEvent = Pick<BrowserEventReport, "durationMs" | "wrapped"> & {
  ceremony: string;
  mediation: string;
  outcome: string;
  capabilities: Record<string, boolean | null>;
};

/** "Your browser cancelled a passkey sign-in". */
export function browserEventSentence(event: Pick<StoredEvent, "ceremony" | "outcome">): string {
  const ceremony = known(ceremonyWords, event.ceremony, "a passkey request");
  return `Your browser ${known(outcomeWords, event.outcome, outcomeWords.other)} ${ceremony}`;
}

const mediationWords: Record<Mediation, string> = {
  modal: "from a button",
  conditional: "from the email field's suggestions (autofill)",
  immediate: "from the quick sign-in button, which answers at once",
};

/** The facts beside the sentence: how it was asked, how long it took, an extension in between. */
export function browserEventFacts(event: StoredEvent): string[] {
  return [
    mediationWords[event.mediation as Mediation] ?? mediationWords.modal,
    `after ${durationWords(event.durationMs)}`,
    event.wrapped ? "an extension had replaced the browser's passkey functions" : null,
  ].filter((fact): fact is string => fact !== null);
}

/** For support: the exact error name (from the list) and what the browser reported it can do. */
export function browserEventTechnicalFacts(event: StoredEvent): string[] {
  const outcome = known(outcomeWords, event.outcome, "") ? event.outcome : "other";
  const capabilities = Object.entries(capabilityWords).map(([field, words]) => {
    const value = event.capabilities[field];
    return `${words}: ${value === true ? "yes" : value === false ? "no" : "unknown"}`;
  });
  return [`browser answer: ${outcome}`, ...capabilities];
}
