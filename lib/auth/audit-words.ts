// The activity log in words, in the reader's language (decision 027): what each event is, and its stored detail —
// codes and enumerated values — read through tables of whole message keys. The person's activity page and the support
// console both read it, each with a translator for its own reader's language.
import type { Translator } from "@/lib/i18n/translator";

/** Every event the log records, and the message that names it. */
export const auditEventKeys = {
  "account.created": "type.accountCreated",
  "sign-in.password": "type.signInPassword",
  "sign-in.totp": "type.signInTotp",
  "sign-in.recovery-code": "type.signInRecoveryCode",
  "sign-in.passkey": "type.signInPasskey",
  "sign-in.failed": "type.signInFailed",
  "sign-out": "type.signOut",
  "step-up.totp": "type.stepUpTotp",
  "step-up.passkey": "type.stepUpPasskey",
  "step-up.recovery-code": "type.stepUpRecoveryCode",
  "step-up.failed": "type.stepUpFailed",
  "totp.enabled": "type.totpEnabled",
  "recovery-codes.replaced": "type.recoveryCodesReplaced",
  "password.changed": "type.passwordChanged",
  "password.reset": "type.passwordReset",
  "password.removed": "type.passwordRemoved",
  "passkey.added": "type.passkeyAdded",
  "passkey.added-automatically": "type.passkeyAddedAutomatically",
  "automatic-upgrade.changed": "type.automaticUpgradeChanged",
  "passkey.renamed": "type.passkeyRenamed",
  "passkey.removed": "type.passkeyRemoved",
  "note.sealed": "type.noteSealed",
  "note.opened": "type.noteOpened",
  "note.deleted": "type.noteDeleted",
  withdrawal: "type.withdrawal",
  "support.lookup": "type.supportLookup",
  "support.report-opened": "type.supportReportOpened",
} as const;
export type AuditEventType = keyof typeof auditEventKeys;

type Events = Translator<"events">;

/** "Signed in with a passkey"; a stored type this version does not know reads as its code. */
export function auditEventWords(type: string, t: Events): string {
  return Object.hasOwn(auditEventKeys, type) ? t(auditEventKeys[type as AuditEventType]) : type;
}

/** Why a sign-in or identity check failed; the stored `reason` stays the code (support staff and tests read it). */
const reasonKeys = {
  password: "reason.password",
  "locked:right-password": "reason.lockedRightPassword",
  locked: "reason.locked",
  totp: "reason.totp",
  "recovery-code": "reason.recoveryCode",
  "challenge:invalid": "reason.challengeInvalid",
  "passkey:unknown-credential": "reason.passkeyUnknownCredential",
  "passkey:uv-missing": "reason.passkeyUvMissing",
  "passkey:backup-state-changed": "reason.passkeyBackupStateChanged",
  "rate:limited": "reason.rateLimited",
  "input:invalid": "reason.inputInvalid",
} as const;

/** What a step-up was asked for (lib/auth/step-up.ts). */
const purposeKeys = {
  "add-passkey": "purpose.addPasskey",
  "remove-passkey": "purpose.removePasskey",
  "remove-password": "purpose.removePassword",
  "recovery-codes": "purpose.recoveryCodes",
  "support-console": "purpose.supportConsole",
  "automatic-passkey": "purpose.automaticPasskey",
} as const;

/** What proved a password reset besides the emailed code (lib/auth/password-reset.ts). */
const resetFactorKeys = {
  totp: "resetWith.totp",
  "recovery-code": "resetWith.recoveryCode",
  email: "resetWith.email",
} as const;

/** How a passkey sign-in was started (lib/webauthn/authentication.ts, passkeySignInMode). */
const signInModeKeys = {
  "username-first": "mode.usernameFirst",
  usernameless: "mode.usernameless",
  autofill: "mode.autofill",
  immediate: "mode.immediate",
} as const;

const keyOf = <T extends Record<string, string>>(table: T, value: string): T[keyof T] | undefined =>
  Object.hasOwn(table, value) ? table[value as keyof T] : undefined;

/** How a stored value reads, by its key; other keys (label, amount, address, email, code) are shown as they are. */
const inWords: Record<string, (value: string, t: Events) => string> = {
  // A code without words of its own reads well enough as itself: "passkey:not-verified" → "passkey not verified".
  reason: (code, t) => {
    const key = keyOf(reasonKeys, code);
    return key ? t(key) : code.replace(/[:-]/g, " ");
  },
  found: (value, t) => (value === "yes" ? t("found") : t("notFound")),
  with: (factor, t) => {
    const key = keyOf(resetFactorKeys, factor);
    return key ? t(key) : t("resetWith.other", { factor });
  },
  purpose: (purpose, t) => {
    const key = keyOf(purposeKeys, purpose);
    return key ? t(key) : t("purpose.other", { purpose });
  },
  mode: (mode, t) => {
    const key = keyOf(signInModeKeys, mode);
    return key ? t(key) : mode;
  },
  automatic: (value, t) => t("automatic", { state: value === "on" ? "on" : "off" }),
};

/**
 * The detail a person sees about their own account, in words: everything but `verdict`, the verifier's exact words,
 * which only support staff see (the person gets the generic message, so failures reveal nothing to an attacker).
 */
export function publicDetail(detail: Record<string, string>, t: Events): string[] {
  // A rename keeps the old name (`from`) beside the new one (`label`): one entry, old → new.
  const { from, ...rest } = detail;
  if (from !== undefined && rest.label !== undefined) rest.label = t("renamed", { from, label: rest.label });
  return Object.entries(rest)
    .filter(([key]) => key !== "verdict")
    .map(([key, value]) => inWords[key]?.(value, t) ?? value);
}

const UNKNOWN_BROWSER = "Unknown browser";

/**
 * The stored browser and OS (lib/client-info.ts: "Chrome 156 on Linux", "Unknown browser") in the reader's language;
 * the names themselves stay as they are. Anything else stored there is shown as it is.
 */
export function clientWords(client: string, t: Events): string {
  const [browser, os] = client.split(/ on (.*)/s);
  const browserWords = browser === UNKNOWN_BROWSER ? t("client.unknownBrowser") : browser!;
  return os === undefined ? browserWords : t("client.onOs", { browser: browserWords, os });
}
