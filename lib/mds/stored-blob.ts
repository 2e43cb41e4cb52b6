import "server-only";
// The one stored MDS3 BLOB (table mds_blobs): read it, or replace it with a verified newer one.
import { eq } from "drizzle-orm";
import { db, transaction } from "@/lib/db/client";
import { mdsBlobs } from "@/lib/db/schema";
import { AppError, failForDevelopers, catchAppError, ok, type Result } from "@/lib/result";
import type { BlobPayload } from "./blob-schema";

const CURRENT = "current";

export type StoredBlobInfo = {
  serial: number;
  nextUpdate: string;
  source: string;
  storedAt: Date;
  /** SHA-256 (hex) of the root it was verified under. */
  rootFingerprint: string;
};

export async function readStoredBlobInfo(): Promise<StoredBlobInfo | null> {
  const [row] = await db
    .select({
      serial: mdsBlobs.serial,
      nextUpdate: mdsBlobs.nextUpdate,
      source: mdsBlobs.source,
      storedAt: mdsBlobs.storedAt,
      rootFingerprint: mdsBlobs.rootFingerprint,
    })
    .from(mdsBlobs)
    .where(eq(mdsBlobs.id, CURRENT));
  return row ?? null;
}

export async function readStoredEntries(): Promise<unknown[]> {
  const [row] = await db.select({ entries: mdsBlobs.entries }).from(mdsBlobs).where(eq(mdsBlobs.id, CURRENT));
  return row?.entries ?? [];
}

/**
 * Stores a verified BLOB unless one under the same root with a higher serial number got there first (another
 * instance, the CLI): the comparison and the write are one transaction, so `no` never goes backwards (FIDO MDS 3.0
 * §3.2 step 5).
 */
export function storeBlob(
  payload: BlobPayload,
  signedUnder: { rootFingerprint: string; source: string },
  now = new Date(),
): Promise<Result<StoredBlobInfo>> {
  const { rootFingerprint, source } = signedUnder;
  return catchAppError(() =>
    transaction(async (tx) => {
      const [stored] = await tx
        .select({ serial: mdsBlobs.serial, rootFingerprint: mdsBlobs.rootFingerprint })
        .from(mdsBlobs)
        .where(eq(mdsBlobs.id, CURRENT));
      if (stored && stored.rootFingerprint === rootFingerprint && stored.serial > payload.no)
        throw new AppError(
          failForDevelopers(
            "mds:older-number",
            `The metadata BLOB no. ${payload.no} is older than the stored no. ${stored.serial}.`,
            `no ${payload.no} < ${stored.serial}`,
          ),
        );
      const row = {
        serial: payload.no,
        nextUpdate: payload.nextUpdate,
        source,
        rootFingerprint,
        entries: payload.entries,
        storedAt: now,
      };
      await tx
        .insert(mdsBlobs)
        .values({ id: CURRENT, ...row })
        .onConflictDoUpdate({ target: mdsBlobs.id, set: row });
      return ok({ serial: row.serial, nextUpdate: row.nextUpdate, source, storedAt: now, rootFingerprint });
    }),
  );
}
