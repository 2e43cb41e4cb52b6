// Browser-side helpers around passkey ceremonies: what the browser threw, in lib/compat's words (the same ones the
// troubleshooting wizard uses) and the page's language, and the Signal API.
import type { CeremonyError } from "@/lib/compat/browser-errors";

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

/** The layout's <meta> with the sentence for a failure this page cannot have explained, in the page's language. */
export const EXPLANATION_UNAVAILABLE_META = "passkey-lab:explanation-unavailable";

/**
 * Maps what navigator.credentials threw to a cause and a fix a person can act on, in the page's language: the server
 * explains it (explain-browser-failure.ts), so neither the explanations nor any translations ship with the page, and
 * that module itself loads on the first failure, not with the page (first-load JS ≤ 140 kB, docs/performance.md).
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
  const explained = await import("./explain-browser-failure")
    .then(({ explainBrowserFailure }) => explainBrowserFailure(thrown))
    .catch(() => null);
  // The connection dropped: the technical detail is all there is.
  if (!explained) return { message: unexplained() ?? detail, detail, cancelled };
  const { message, causes, fixes } = explained;
  return causes && fixes ? { message, detail, cancelled, causes, fixes } : { message, detail, cancelled };
}

/** The layout's sentence (every page has it); a ceremony fails only in the browser, where the document is. */
function unexplained(): string | undefined {
  return document.querySelector<HTMLMetaElement>(`meta[name="${EXPLANATION_UNAVAILABLE_META}"]`)?.content;
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
