// Whether something on the page replaced the browser's passkey functions: a password manager's extension does
// (Bitwarden, 1Password, Dashlane answer instead of the platform). Shared by the wizard's checks and the ceremony
// reporter, so both say the same thing of one browser (docs/compat.md, extensions). Both functions name nothing from
// outside themselves: the wizard's page carries them as text in its inline script (app/troubleshoot/start-checks.ts),
// so what one needs of the other is passed in.

export function isNative(fn: unknown): boolean {
  return typeof fn === "function" && /\{\s*\[native code\]\s*\}/.test(Function.prototype.toString.call(fn));
}

/**
 * navigator.credentials[method] is not CredentialsContainer's own, or not native code; null when there is no API.
 * `native` is isNative.
 */
export function credentialsMethodWrapped(method: "get" | "create", native: (fn: unknown) => boolean): boolean | null {
  const container = typeof CredentialsContainer === "function" ? CredentialsContainer.prototype : undefined;
  const credentials = typeof navigator === "undefined" ? undefined : navigator.credentials;
  if (!credentials || !container) return null;
  return credentials[method] !== container[method] || !native(credentials[method]);
}
