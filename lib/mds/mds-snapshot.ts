import "server-only";
// The stored BLOB, indexed, in memory. Pages and handlers call readMdsSnapshot(), one small query that reloads the
// entries only when the stored BLOB changed (the CLI or another instance stored a newer one); the FIDO API's
// synchronous trust store reads the last snapshot loaded.
import { blobEntrySchema, type BlobEntry } from "./blob-schema";
import { readStoredBlobInfo, readStoredEntries, type StoredBlobInfo } from "./stored-blob";

export type MdsSnapshot = {
  /** Which BLOB (no. and date), or null: none stored. */
  blob: StoredBlobInfo | null;
  byAaguid: Map<string, BlobEntry>;
  /** attestationCertificateKeyIdentifiers (hex, lower case), for U2F authenticators, which have no AAGUID. */
  byKeyIdentifier: Map<string, BlobEntry>;
};

const EMPTY: MdsSnapshot = { blob: null, byAaguid: new Map(), byKeyIdentifier: new Map() };
let current: MdsSnapshot = EMPTY;

function index(blob: StoredBlobInfo, entries: unknown[]): MdsSnapshot {
  const snapshot: MdsSnapshot = { blob, byAaguid: new Map(), byKeyIdentifier: new Map() };
  for (const raw of entries) {
    const parsed = blobEntrySchema.safeParse(raw);
    if (!parsed.success) continue;
    const entry = parsed.data;
    const aaguid = entry.aaguid ?? entry.metadataStatement?.aaguid;
    if (aaguid) snapshot.byAaguid.set(aaguid.toLowerCase(), entry);
    const keyIds =
      entry.attestationCertificateKeyIdentifiers ?? entry.metadataStatement?.attestationCertificateKeyIdentifiers;
    for (const keyId of keyIds ?? []) snapshot.byKeyIdentifier.set(keyId.toLowerCase(), entry);
  }
  return snapshot;
}

const same = (a: StoredBlobInfo | null, b: StoredBlobInfo | null) =>
  a?.serial === b?.serial && a?.storedAt.getTime() === b?.storedAt.getTime();

/** The stored BLOB's snapshot, reloaded when the stored row changed. */
export async function readMdsSnapshot(): Promise<MdsSnapshot> {
  const info = await readStoredBlobInfo();
  if (same(info, current.blob)) return current;
  current = info ? index(info, await readStoredEntries()) : EMPTY;
  return current;
}

/** The snapshot last loaded by readMdsSnapshot (for synchronous readers). */
export function currentMdsSnapshot(): MdsSnapshot {
  return current;
}

/** Whether the stored BLOB is past its nextUpdate: still used, but pages say it is out of date. */
export function isOutOfDate(blob: StoredBlobInfo, now = new Date()): boolean {
  return blob.nextUpdate < now.toISOString().slice(0, 10);
}
