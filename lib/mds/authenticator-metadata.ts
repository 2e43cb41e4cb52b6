import "server-only";
// One authenticator model as the stored BLOB describes it, and which BLOB that is: what the passkey list, the support
// console and the report card show.
import { X509Certificate } from "node:crypto";
import { describeAuthenticator, type AuthenticatorTrust } from "./describe-authenticator";
import { FIDO_MDS_ROOT_PEM } from "./fido-mds-root";
import { isOutOfDate, readMdsSnapshot, type MdsSnapshot } from "./mds-snapshot";

/**
 * Which BLOB a page used: its number, nextUpdate, when it was stored, and whether FIDO's root signs it (false: a test
 * service's, stored with `npm run mds:update -- --root`); or null when none is stored.
 */
export type MdsBlobLabel = {
  serial: number;
  nextUpdate: string;
  storedAt: Date;
  outOfDate: boolean;
  fromFido: boolean;
} | null;

const FIDO_ROOT_FINGERPRINT = new X509Certificate(FIDO_MDS_ROOT_PEM).fingerprint256.replace(/:/g, "").toLowerCase();

export function blobLabel(snapshot: MdsSnapshot, now = new Date()): MdsBlobLabel {
  const { blob } = snapshot;
  return blob
    ? {
        serial: blob.serial,
        nextUpdate: blob.nextUpdate,
        storedAt: blob.storedAt,
        outOfDate: isOutOfDate(blob, now),
        fromFido: blob.rootFingerprint === FIDO_ROOT_FINGERPRINT,
      }
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
