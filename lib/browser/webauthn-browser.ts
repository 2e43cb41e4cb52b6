// Browser-side helpers around passkey ceremonies: what the browser threw, in lib/compat's words (the same ones the
// troubleshooting wizard uses), and the Signal API.
import type { CeremonyError } from "@/lib/compat/browser-errors";

export type BrowserFailure = { message: string; detail: string; cancelled: boolean };

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

/**
 * Maps what navigator.credentials threw to a cause and a fix a person can act on. The explanations are loaded on the
 * first failure: they stay out of the first-load JS of the pages that may need them.
 */
export async function describeBrowserError(error: unknown, ceremony: CeremonyError["ceremony"]): Promise<BrowserFailure> {
  const thrown = toCeremonyError(error, ceremony);
  const detail = [thrown.code, thrown.name, thrown.message].filter(Boolean).join(": ");
  const cancelled = wasCancelled(error);
  try {
    const { explainCeremonyError } = await import("@/lib/compat/browser-errors");
    const { cause, fix } = explainCeremonyError(thrown);
    return { message: `${cause} ${fix}`, detail, cancelled };
  } catch {
    // The explanations could not be loaded (the connection dropped): the technical detail is all there is.
    return { message: "The passkey request failed, and this page could not load the explanation. Reload the page and try again.", detail, cancelled };
  }
}

type SignalApi = {
  signalUnknownCredential?: (options: { rpId: string; credentialId: string }) => Promise<void>;
  signalAllAcceptedCredentials?: (options: { rpId: string; userId: string; allAcceptedCredentialIds: string[] }) => Promise<void>;
  signalCurrentUserDetails?: (options: { rpId: string; userId: string; name: string; displayName: string }) => Promise<void>;
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
