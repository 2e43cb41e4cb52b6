// tsyringe, inside @peculiar/x509, needs the Reflect metadata polyfill loaded first (as SimpleWebAuthn does).
import "reflect-metadata";
import "server-only";
// Takes in an MDS3 BLOB: fetched from the Metadata Service (npm run mds:update, the daily refresh) or read from a file
// (npm run mds:update -- --file, offline), verified (verify-blob.ts) and stored if newer than the stored one.
import { X509Crl } from "@peculiar/x509";
import { failForDevelopers, ok, type Result } from "@/lib/result";
import { FIDO_MDS_ROOT_PEM } from "./fido-mds-root";
import { readStoredBlobInfo, storeBlob } from "./stored-blob";
import { verifyMdsBlob } from "./verify-blob";

const FETCH_TIMEOUT_MS = 30_000;
/** The real BLOB is about 5 MB; far more is not a BLOB. */
const MAX_BLOB_BYTES = 50 * 1024 * 1024;

export type MdsUpdate = {
  /** The BLOB itself (from a file), or where to fetch it. */
  blob: { jwt: string; source: string } | { url: string };
  /** CRLs given ahead (DER or PEM), for a machine that cannot fetch the chain's distribution points. */
  crls?: Uint8Array[];
  /** Fetch CRLs from the chain's distribution points (on for the Metadata Service, off for a file). */
  fetchCrls: boolean;
  /** Trusted roots; the FIDO root unless a test says otherwise. */
  roots?: string[];
  now?: Date;
};

export type MdsUpdateOutcome = { status: "stored" | "unchanged"; serial: number; nextUpdate: string };

/** A CRL file as DER or PEM (`openssl crl -outform PEM`). */
function parseCrl(bytes: Uint8Array): X509Crl {
  const text = Buffer.from(bytes).toString("latin1");
  return text.includes("-----BEGIN X509 CRL-----") ? new X509Crl(text) : new X509Crl(Uint8Array.from(bytes));
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: "follow" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  if (bytes.byteLength > MAX_BLOB_BYTES) throw new Error(`more than ${MAX_BLOB_BYTES} bytes`);
  return bytes;
}

/** Why a fetch failed, in the network's own words (getaddrinfo ENOTFOUND, ECONNREFUSED, a timeout). */
function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

async function fetchBlob(url: string): Promise<Result<string>> {
  try {
    return ok(new TextDecoder().decode(await fetchBytes(url)));
  } catch (error) {
    const cause = networkCause(error);
    return failForDevelopers(
      "mds:unreachable",
      `Could not fetch the metadata BLOB from ${url} (${cause}). If this machine is offline, download it elsewhere and run \`npm run mds:update -- --file blob.jwt\`.`,
      cause,
    );
  }
}

export async function updateMds(update: MdsUpdate): Promise<Result<MdsUpdateOutcome>> {
  const now = update.now ?? new Date();
  const fetched = "jwt" in update.blob ? ok(update.blob.jwt) : await fetchBlob(update.blob.url);
  if (!fetched.ok) return fetched;
  const source = "jwt" in update.blob ? update.blob.source : update.blob.url;
  let crls: X509Crl[];
  try {
    crls = (update.crls ?? []).map(parseCrl);
  } catch (error) {
    return failForDevelopers("mds:crl-unavailable", "A CRL given could not be read.", (error as Error).message);
  }
  const stored = await readStoredBlobInfo();
  const verified = await verifyMdsBlob(fetched.data, {
    roots: update.roots ?? [FIDO_MDS_ROOT_PEM],
    revocation: {
      crls,
      fetchCrl: update.fetchCrls ? fetchBytes : undefined,
    },
    now,
    stored: stored ?? undefined,
  });
  if (!verified.ok) return verified;
  const { payload, rootFingerprint } = verified.data;
  // The same number under the same root is the same BLOB (FIDO MDS 3.0 §3.2 step 5 ignores it): nothing to write.
  if (stored && stored.rootFingerprint === rootFingerprint && stored.serial === payload.no)
    return ok({ status: "unchanged", serial: payload.no, nextUpdate: payload.nextUpdate });
  const saved = await storeBlob(payload, { rootFingerprint, source }, now);
  if (!saved.ok) return saved;
  return ok({ status: "stored", serial: payload.no, nextUpdate: payload.nextUpdate });
}
