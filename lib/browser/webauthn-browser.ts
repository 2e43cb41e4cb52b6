// Browser-side helpers around passkey ceremonies: what the browser threw, in lib/compat's words (the same ones the
// troubleshooting wizard uses) and the page's language, and the Signal API.
import type { CeremonyError } from "@/lib/compat/browser-errors";
import { messageHint } from "@/lib/compat/error-message-hint";
import {
  type BrowserFailureExplanation,
  type BrowserFailureFacts,
  explainBrowserFailureAction,
} from "@/lib/compat/explain-browser-failure-action";
import { DOM_EXCEPTION_NAME_LIST, WEBAUTHN_ERROR_CODE_LIST } from "@/lib/compat/ceremony-error-names";

/**
 * `causes` (the likely one first) and `fixes`, one per line, when the error covers several causes; `message` then says
 * only that the request did not finish. `detail` is what the browser said (its error name and words): never the
 * library's code, which means nothing to a person (support reads it in the troubleshooting report).
 */
export type BrowserFailure = {
  message: string;
  detail: string;
  cancelled: boolean;
  causes?: string[];
  fixes?: string[];
};

/** What the page knows about the request that failed: when it started and the options' timeout. */
export type CeremonyTiming = { startedAt: number; timeoutMs?: number };

/**
 * What a ceremony threw, in the shape lib/compat explains. SimpleWebAuthn's WebAuthnError carries a string `code` and
 * the DOMException's name; the code is read without importing the class, which would pull all of
 * @simplewebauthn/browser (registration included) into every page that only signs in.
 */
export function toCeremonyError(error: unknown, ceremony: CeremonyError["ceremony"]): CeremonyError {
  if (!(error instanceof Error)) return { message: String(error), ceremony };
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  return { name: error.name, code, message: error.message, ceremony };
}

/** Cancelled, timed out or replaced by another request: how an autofill request ends whenever the person does something else. */
export function wasCancelled(error: unknown): boolean {
  return error instanceof Error && (error.name === "NotAllowedError" || error.name === "AbortError");
}

/** What the server is sent about a failure: enumerated facts only, never the browser's own message. */
function factsOf(thrown: CeremonyError, locale?: "en"): BrowserFailureFacts {
  const name = thrown.name && DOM_EXCEPTION_NAME_LIST.includes(thrown.name) ? thrown.name : "other";
  const code = WEBAUTHN_ERROR_CODE_LIST.find((known) => known === thrown.code);
  // Whole milliseconds within a day, as the action accepts them (a page left open longer is still explained).
  const whole = (ms: number | undefined) =>
    ms === undefined ? undefined : Math.min(86_400_000, Math.max(0, Math.round(ms)));
  return {
    name,
    ...(code ? { code } : {}),
    ceremony: thrown.ceremony,
    ...(messageHint(thrown.message) ? { hint: messageHint(thrown.message) } : {}),
    ...(thrown.elapsedMs !== undefined ? { elapsedMs: whole(thrown.elapsedMs) } : {}),
    ...(thrown.timeoutMs !== undefined ? { timeoutMs: whole(thrown.timeoutMs) } : {}),
    ...(locale ? { locale } : {}),
  };
}

/**
 * The explanation of a failure, from the server in the page's language (or English for the report card, `locale`
 * "en"); null when the server could not be reached.
 */
export async function explainBrowserFailure(
  thrown: CeremonyError,
  locale?: "en",
): Promise<BrowserFailureExplanation | null> {
  try {
    const answer = await explainBrowserFailureAction(factsOf(thrown, locale));
    return answer.ok ? answer.data : null;
  } catch {
    return null;
  }
}

/**
 * When the server cannot be reached there is no explanation to ask for, so this one sentence is kept here in each
 * language, picked by the page's <html lang> (set from the same locale the server translates in, decision 027): four
 * short strings rather than a text prop threaded through every caller.
 */
const UNEXPLAINED: Record<string, string> = {
  en: "The passkey request failed, and this page could not load the explanation. Reload the page and try again.",
  es: "La solicitud de la llave de acceso falló y esta página no pudo cargar la explicación. Recarga la página e inténtalo de nuevo.",
  zh: "通行密钥请求失败，且本页面无法加载原因说明。请刷新页面后重试。",
  ar: "تعذّر طلب مفتاح المرور، ولم تتمكن هذه الصفحة من تحميل الشرح. أعد تحميل الصفحة ثم حاول مرة أخرى.",
};

function unexplained(): string {
  const lang = typeof document === "undefined" ? "en" : document.documentElement.lang.split("-")[0]!;
  return UNEXPLAINED[lang] ?? UNEXPLAINED.en!;
}

/**
 * Maps what navigator.credentials threw to a cause and a fix a person can act on, in the page's language: the server
 * explains it (explainBrowserFailureAction), so neither the explanations nor any translations ship with the page.
 */
export async function describeBrowserError(
  error: unknown,
  ceremony: CeremonyError["ceremony"],
  timing?: CeremonyTiming,
): Promise<BrowserFailure> {
  const thrown = {
    ...toCeremonyError(error, ceremony),
    elapsedMs: timing && Date.now() - timing.startedAt,
    timeoutMs: timing?.timeoutMs,
  };
  const detail = [thrown.name, thrown.message].filter(Boolean).join(": ");
  const cancelled = wasCancelled(error);
  const explained = await explainBrowserFailure(thrown);
  // The connection dropped: the technical detail is all there is.
  if (!explained) return { message: unexplained(), detail, cancelled };
  const { message, causes, fixes } = explained;
  return causes && fixes ? { message, detail, cancelled, causes, fixes } : { message, detail, cancelled };
}

type SignalApi = {
  signalUnknownCredential?: (options: { rpId: string; credentialId: string }) => Promise<void>;
  signalAllAcceptedCredentials?: (options: {
    rpId: string;
    userId: string;
    allAcceptedCredentialIds: string[];
  }) => Promise<void>;
  signalCurrentUserDetails?: (options: {
    rpId: string;
    userId: string;
    name: string;
    displayName: string;
  }) => Promise<void>;
};

function signalApi(): SignalApi | undefined {
  return typeof PublicKeyCredential === "undefined" ? undefined : (PublicKeyCredential as unknown as SignalApi);
}

// Signals are hints to the passkey provider; a browser without them, or one that refuses, changes nothing here.
async function send(call: (api: SignalApi) => Promise<void> | undefined) {
  const api = signalApi();
  if (!api) return;
  try {
    await call(api);
  } catch {
    /* best effort by design (WebAuthn L3 §5.1.10) */
  }
}

/** The server does not know this credential: the provider may hide or remove it. */
export function signalUnknownCredential(rpId: string, credentialId: string) {
  return send((api) => api.signalUnknownCredential?.({ rpId, credentialId }));
}

/** After a removal: the full list of this account's passkeys, so the provider can drop the removed one. */
export function signalAllAcceptedCredentials(rpId: string, userId: string, allAcceptedCredentialIds: string[]) {
  return send((api) => api.signalAllAcceptedCredentials?.({ rpId, userId, allAcceptedCredentialIds }));
}

export function signalCurrentUserDetails(rpId: string, userId: string, name: string) {
  return send((api) => api.signalCurrentUserDetails?.({ rpId, userId, name, displayName: name }));
}
