// The two ceremonies @simplewebauthn/browser v14 has no option for, called on navigator.credentials directly with the
// browser's own JSON helpers: conditional create (mediation "conditional" on create) and immediate sign-in
// (`uiMode: "immediate"` on get). Both are offered only where getClientCapabilities() says so (a missing key means
// unknown: then they are not offered), and both stay silent where the browser cannot.
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/browser";

type JsonHelpers = {
  getClientCapabilities?: () => Promise<Record<string, boolean | undefined>>;
  parseCreationOptionsFromJSON?: (
    options: PublicKeyCredentialCreationOptionsJSON,
  ) => PublicKeyCredentialCreationOptions;
  parseRequestOptionsFromJSON?: (options: PublicKeyCredentialRequestOptionsJSON) => PublicKeyCredentialRequestOptions;
};
type WithJson = PublicKeyCredential & { toJSON(): unknown };

function helpers(): JsonHelpers | undefined {
  return typeof PublicKeyCredential === "undefined" ? undefined : (PublicKeyCredential as unknown as JsonHelpers);
}

/** True only when the browser says it has `capability` and the JSON helpers both flows need. */
export async function browserCan(capability: "conditionalCreate" | "immediateGet"): Promise<boolean> {
  const api = helpers();
  if (!api?.getClientCapabilities || !api.parseCreationOptionsFromJSON || !api.parseRequestOptionsFromJSON)
    return false;
  try {
    return (await api.getClientCapabilities())[capability] === true;
  } catch {
    return false;
  }
}

/**
 * Asks the password manager for a passkey without a dialog (WebAuthn L3 §5.1.3, mediation "conditional"). Resolves
 * when the manager made one; rejects when it declines (then there is nothing to say), and may stay pending.
 */
export async function createConditionally(
  options: PublicKeyCredentialCreationOptionsJSON,
  signal: AbortSignal,
): Promise<RegistrationResponseJSON> {
  const publicKey = helpers()!.parseCreationOptionsFromJSON!(options);
  const credential = await navigator.credentials.create({
    publicKey,
    mediation: "conditional",
    signal,
  } as CredentialCreationOptions);
  return (credential as WithJson).toJSON() as RegistrationResponseJSON;
}

/**
 * Immediate sign-in: the browser shows its chooser at once when this device holds a passkey (or password) for the
 * site, and otherwise rejects at once with NotAllowedError, without any dialog.
 */
export async function getImmediately(
  options: PublicKeyCredentialRequestOptionsJSON,
): Promise<AuthenticationResponseJSON> {
  const publicKey = { ...helpers()!.parseRequestOptionsFromJSON!(options), uiMode: "immediate" };
  const credential = await navigator.credentials.get({ publicKey } as CredentialRequestOptions);
  return (credential as WithJson).toJSON() as AuthenticationResponseJSON;
}
