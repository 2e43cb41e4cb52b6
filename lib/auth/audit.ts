// The activity log: every sign-in, failure and factor change, with the browser/OS and non-secret details only.
import { desc, eq } from "drizzle-orm";
import { db, type Tx } from "@/lib/db/client";
import { auditEvents, type AuditEvent } from "@/lib/db/schema";
import { newToken } from "@/lib/crypto/tokens";

export const auditEventTypes = {
  "account.created": "Account created",
  "sign-in.password": "Signed in with password",
  "sign-in.totp": "Signed in with password and authenticator code",
  "sign-in.recovery-code": "Signed in with password and a recovery code",
  "sign-in.passkey": "Signed in with a passkey",
  "sign-in.failed": "Sign-in failed",
  "sign-out": "Signed out",
  "step-up.totp": "Confirmed identity with an authenticator code",
  "step-up.passkey": "Confirmed identity with a passkey",
  "step-up.recovery-code": "Confirmed identity with a recovery code (now used up)",
  "step-up.failed": "Identity check failed",
  "totp.enabled": "Two-factor authentication turned on",
  "recovery-codes.replaced": "New recovery codes made; the old ones stopped working",
  "password.changed": "Password changed",
  "password.reset": "Password reset from “Forgot password?”; other sessions ended, withdrawals held 24 hours",
  "password.removed": "Password removed (passwordless)",
  "passkey.added": "Passkey added",
  "passkey.added-automatically": "Passkey added automatically by your password manager, right after signing in",
  "automatic-upgrade.changed": "Automatic passkey upgrade turned on or off",
  "passkey.renamed": "Passkey renamed",
  "passkey.removed": "Passkey removed",
  "note.sealed": "Note sealed with a passkey (only that passkey can open it)",
  "note.opened": "Note opened with its passkey",
  "note.deleted": "Note deleted",
  withdrawal: "Demo withdrawal sent",
  "support.lookup": "Support looked up an account",
  "support.report-opened": "Support opened a troubleshooting report",
} as const;
export type AuditEventType = keyof typeof auditEventTypes;

type Writer = Tx | typeof db;

/** Why a sign-in or identity check failed, in words; the stored `reason` stays the code (support staff and tests read it). */
const reasonWords: Record<string, string> = {
  password: "wrong password",
  "locked:right-password": "right password, refused: locked after too many failed attempts",
  locked: "refused without checking the code: locked after too many failed attempts",
  totp: "wrong authenticator code",
  "recovery-code": "wrong or already used recovery code",
  "challenge:invalid": "the request had expired or was already used",
  "passkey:unknown-credential": "passkey not recognised",
  "passkey:uv-missing": "passkey did not verify you (no PIN, fingerprint or face)",
  "passkey:backup-state-changed": "passkey backup state changed",
  "rate:limited": "too many attempts",
  "input:invalid": "unreadable answer from the browser",
};

/** What a step-up was asked for (lib/auth/step-up.ts). */
const purposeWords: Record<string, string> = {
  "add-passkey": "adding a passkey",
  "remove-passkey": "removing a passkey",
  "remove-password": "going passwordless",
  "recovery-codes": "new recovery codes",
  "support-console": "the support console",
  "automatic-passkey": "an automatic passkey",
};

/** What proved a password reset besides the emailed code (lib/auth/password-reset.ts). */
const resetFactorWords: Record<string, string> = {
  totp: "an authenticator code",
  "recovery-code": "a recovery code",
  email: "no second factor (none was set up)",
};

/** How a passkey sign-in was started (lib/webauthn/authentication.ts, passkeySignInMode). */
const signInModeWords: Record<string, string> = {
  "username-first": "email typed first, then the passkey (username-first)",
  usernameless: "passkey picked from the browser's list, no email typed (usernameless)",
  autofill: "passkey picked from the email field's suggestions (autofill)",
  immediate: "passkey this device offered at once (immediate sign-in)",
};

/** How a stored value reads, by its key; other keys (label, amount, address, email, code) are shown as they are. */
const inWords: Record<string, (value: string) => string> = {
  // Any code not listed reads well enough as its words: "passkey:not-verified" → "passkey not verified".
  reason: (code) => reasonWords[code] ?? code.replace(/[:-]/g, " "),
  found: (value) => (value === "yes" ? "found" : "not found"),
  with: (factor) => `with the emailed code and ${resetFactorWords[factor] ?? factor}`,
  purpose: (purpose) => `for ${purposeWords[purpose] ?? purpose}`,
  mode: (mode) => signInModeWords[mode] ?? mode,
  automatic: (value) => (value === "on" ? "now on" : "now off"),
};

/**
 * The detail a person sees about their own account, in words: everything but `verdict`, the verifier's exact words,
 * which only support staff see (the person gets the generic message, so failures reveal nothing to an attacker).
 */
export function publicDetail(detail: Record<string, string>): string[] {
  // A rename keeps the old name (`from`) beside the new one (`label`): one entry, old → new.
  const { from, ...rest } = detail;
  if (from !== undefined && rest.label !== undefined) rest.label = `“${from}” → “${rest.label}”`;
  return Object.entries(rest)
    .filter(([key]) => key !== "verdict")
    .map(([key, value]) => inWords[key]?.(value) ?? value);
}

export async function recordEvent(
  writer: Writer,
  event: { userId: string | null; type: AuditEventType; client: string; detail?: Record<string, string> },
): Promise<void> {
  await writer.insert(auditEvents).values({ id: newToken(12), ...event, detail: event.detail ?? {} });
}

export async function listEvents(userId: string, limit = 100): Promise<AuditEvent[]> {
  return db.query.auditEvents.findMany({
    where: eq(auditEvents.userId, userId),
    orderBy: [desc(auditEvents.createdAt)],
    limit,
  });
}
