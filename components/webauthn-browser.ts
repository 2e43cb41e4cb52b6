// Browser-side helpers around @simplewebauthn/browser: plain words for browser errors, and the Signal API.
import { WebAuthnError } from "@simplewebauthn/browser";

export type BrowserFailure = { message: string; detail: string; cancelled: boolean };

/** Maps what navigator.credentials threw to a sentence a person can act on (facts: compat.md, browser errors). */
export function describeBrowserError(error: unknown): BrowserFailure {
  const name = error instanceof Error ? error.name : "Error";
  const code = error instanceof WebAuthnError ? error.code : undefined;
  const detail = [code, name, error instanceof Error ? error.message : String(error)].filter(Boolean).join(": ");
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED" || name === "InvalidStateError") {
    return { message: "This authenticator already holds a passkey for your account. Use it to sign in, or pick another device or password manager.", detail, cancelled: false };
  }
  if (name === "NotAllowedError") {
    return {
      message:
        "The passkey request was cancelled or timed out. If your fingerprint, face or PIN wasn't recognised, try again " +
        "or use your device's screen lock; otherwise pick the device or password manager that holds your passkey.",
      detail,
      cancelled: true,
    };
  }
  if (name === "AbortError") return { message: "The passkey request was cancelled. Try again.", detail, cancelled: true };
  if (name === "ConstraintError") {
    return { message: "This authenticator can't verify you (no PIN or biometrics). Set a PIN on your security key, or use this phone or computer.", detail, cancelled: false };
  }
  if (name === "SecurityError") return { message: "This site's passkey settings don't match its address. Please contact support.", detail, cancelled: false };
  if (name === "NotSupportedError") return { message: "Your authenticator doesn't support the key types this site offers.", detail, cancelled: false };
  return { message: "Something went wrong with the passkey request. Try again, or update your browser.", detail, cancelled: false };
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
