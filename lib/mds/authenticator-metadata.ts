import "server-only";
// One authenticator model as the stored BLOB describes it, and which BLOB that is: what the passkey list, the support
// console and the report card show.
import { describeAuthenticator, type AuthenticatorTrust } from "./describe-authenticator";
import { isOutOfDate, readMdsSnapshot, type MdsSnapshot } from "./mds-snapshot";

/** Which BLOB a page used: its number, nextUpdate and when it was stored; or null when none is stored. */
export type MdsBlobLabel = { serial: number; nextUpdate: string; storedAt: Date; outOfDate: boolean } | null;

export function blobLabel(snapshot: MdsSnapshot, now = new Date()): MdsBlobLabel {
  const { blob } = snapshot;
  return blob
    ? { serial: blob.serial, nextUpdate: blob.nextUpdate, storedAt: blob.storedAt, outOfDate: isOutOfDate(blob, now) }
    : null;
}

export function metadataFor(snapshot: MdsSnapshot, aaguid: string): AuthenticatorTrust | null {
  const entry = snapshot.byAaguid.get(aaguid.toLowerCase());
  return entry ? describeAuthenticator(entry) : null;
}

/** The stored BLOB's label and a lookup over it, read once per page. */
export async function readAuthenticatorMetadata(): Promise<{
  blob: MdsBlobLabel;
  lookUp: (aaguid: string) => AuthenticatorTrust | null;
}> {
  const snapshot = await readMdsSnapshot();
  return { blob: blobLabel(snapshot), lookUp: (aaguid) => metadataFor(snapshot, aaguid) };
}
