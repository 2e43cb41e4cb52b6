// The passkeys of one account, as a person sees them, and renaming one.
import { and, asc, eq } from "drizzle-orm";
import { db, transaction } from "@/lib/db/client";
import { passkeys } from "@/lib/db/schema";
import { recordEvent } from "@/lib/auth/audit";
import { fail, ok, type Result } from "@/lib/result";
import type { AuthenticatorTrust } from "@/lib/mds/describe-authenticator";
import { readAuthenticatorMetadata } from "@/lib/mds/authenticator-metadata";
import { authenticatorName } from "./authenticator-names";

export const STALE_AFTER_DAYS = 90;
export const LABEL_MAX_LENGTH = 64;

export type PasskeyView = {
  id: string;
  label: string;
  aaguid: string;
  authenticator: string;
  authenticatorKnown: boolean;
  /** What the stored FIDO metadata BLOB says of its model (icon, certification, statuses), or null: not in it. */
  metadata: AuthenticatorTrust | null;
  createdAt: Date;
  createdWith: string;
  lastUsedAt: Date | null;
  lastUsedWith: string | null;
  /** BE=1: the provider may copy it to the person's other devices; BS=1: it has been backed up (synced). */
  storage: "synced" | "sync-eligible" | "device-bound";
  transports: string[];
  stale: boolean;
  /** false when the authenticator has never verified the person (no PIN or biometrics): sign-in refuses it. */
  canSignIn: boolean;
  /** Saved by the password manager right after a password sign-in (conditional create), not by a click here. */
  addedAutomatically: boolean;
  /** What the browser said of PRF when it was made (schema.ts): false means it cannot seal a note; null, not said. */
  prfEnabled: boolean | null;
};

export async function listPasskeys(userId: string, now = Date.now()): Promise<PasskeyView[]> {
  const rows = await db.query.passkeys.findMany({
    where: eq(passkeys.userId, userId),
    orderBy: [asc(passkeys.createdAt)],
  });
  const { lookUp } = await readAuthenticatorMetadata();
  return rows.map((row) => {
    const metadata = lookUp(row.aaguid);
    const named = authenticatorName(row.aaguid);
    // The community list names more passkey providers; the FIDO metadata names the certified models it lacks.
    const authenticator = !named.known && metadata?.description ? { name: metadata.description, known: true } : named;
    const lastActivity = (row.lastUsedAt ?? row.createdAt).getTime();
    return {
      id: row.id,
      label: row.label,
      aaguid: row.aaguid,
      authenticator: authenticator.name,
      authenticatorKnown: authenticator.known,
      metadata,
      createdAt: row.createdAt,
      createdWith: row.createdWith,
      lastUsedAt: row.lastUsedAt,
      lastUsedWith: row.lastUsedWith,
      storage: row.backedUp ? "synced" : row.backupEligible ? "sync-eligible" : "device-bound",
      transports: row.transports,
      stale: now - lastActivity > STALE_AFTER_DAYS * 24 * 60 * 60_000,
      canSignIn: row.userVerified,
      addedAutomatically: row.addedAutomatically,
      prfEnabled: row.prfEnabled,
    };
  });
}

export async function renamePasskey(
  userId: string,
  passkeyId: string,
  label: string,
  client: string,
): Promise<Result<{ label: string }>> {
  const clean = label.trim().replace(/\s+/g, " ");
  if (clean.length === 0 || clean.length > LABEL_MAX_LENGTH) {
    return fail("input:invalid", { key: "input.passkey-name", values: { max: LABEL_MAX_LENGTH } });
  }
  // Scoped to the owner: another person's passkey looks exactly like a missing one (security bar F49).
  const owned = and(eq(passkeys.id, passkeyId), eq(passkeys.userId, userId));
  const renamed = await transaction(async (tx) => {
    const before = await tx.query.passkeys.findFirst({ where: owned, columns: { label: true } });
    if (!before) return false;
    await tx.update(passkeys).set({ label: clean }).where(owned);
    // The old name too, so the log reads "old → new": both are names the person gave or saw, nothing secret.
    await recordEvent(tx, { userId, type: "passkey.renamed", client, detail: { from: before.label, label: clean } });
    return true;
  });
  if (!renamed) return fail("passkey:not-found", "passkey.gone");
  return ok({ label: clean });
}
