// The conformance relying party's trust: metadata statements and root certificates from a folder (the FIDO tool hands
// out metadata for its authenticators; our suite writes one for its software authenticator), the entries of the stored
// FIDO Metadata Service BLOB (lib/mds, status reports included), plus, when switched on,
// the software authenticator's test root of this very process. Nothing here touches SimpleWebAuthn's process-wide
// SettingsService, so the portal's own verification never trusts a test root (docs/decisions/006).
import { X509Certificate } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { z } from "zod";
import { testCaRootPem } from "@/lib/authenticator/test-ca";
import { env } from "@/lib/env";
import { currentMdsSnapshot, type MdsSnapshot } from "@/lib/mds/mds-snapshot";
import { COMPROMISED_STATUSES } from "@/lib/mds/status-words";

export type MetadataEntry = {
  source: string;
  aaguid?: string;
  /** attestationCertificateKeyIdentifiers (hex), for fido-u2f authenticators that have no AAGUID. */
  keyIdentifiers: string[];
  roots: X509Certificate[];
  /** A status report that revokes trust, if any. */
  compromised?: string;
};

export type TrustStore = {
  anchors: X509Certificate[];
  entries: MetadataEntry[];
  problems: string[];
  /** The MDS3 BLOB read (its number and nextUpdate), or null: none stored. */
  mdsBlob: { serial: number; nextUpdate: string } | null;
};
export type TrustSources = { metadataDir?: string; trustTestCa: boolean };

const statementSchema = z.object({
  aaguid: z.string().optional(),
  attestationCertificateKeyIdentifiers: z.array(z.string()).optional(),
  attestationRootCertificates: z.array(z.string()).default([]),
});
/** A metadata statement alone, or an MDS3 BLOB payload entry around one (with its status reports). */
const metadataFileSchema = z.union([
  z.object({
    metadataStatement: statementSchema,
    statusReports: z.array(z.object({ status: z.string() })).default([]),
  }),
  statementSchema,
]);

function parseCertificates(source: string, bytes: Buffer): X509Certificate[] {
  const text = bytes.toString("latin1");
  if (!text.includes("-----BEGIN CERTIFICATE-----")) return [new X509Certificate(bytes)];
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new Error(`${source}: no certificate`);
  return blocks.map((block) => new X509Certificate(block));
}

function parseMetadata(source: string, bytes: Buffer): MetadataEntry {
  const parsed = metadataFileSchema.parse(JSON.parse(bytes.toString("utf8")));
  const statement = "metadataStatement" in parsed ? parsed.metadataStatement : parsed;
  const reports = "metadataStatement" in parsed ? parsed.statusReports : [];
  return {
    source,
    aaguid: statement.aaguid?.toLowerCase(),
    keyIdentifiers: (statement.attestationCertificateKeyIdentifiers ?? []).map((id) => id.toLowerCase()),
    roots: statement.attestationRootCertificates.map((der) => new X509Certificate(Buffer.from(der, "base64"))),
    compromised: reports.map((report) => report.status).find((status) => COMPROMISED_STATUSES.has(status)),
  };
}

function readFolder(dir: string): { files: string[]; fingerprint: string } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) =>
      [".json", ".pem", ".crt", ".cer", ".der"].includes(extname(name).toLowerCase()),
    );
  } catch {
    return { files: [], fingerprint: "absent" };
  }
  const files = names.sort().map((name) => join(dir, name));
  const fingerprint = files.map((file) => {
    const stat = statSync(file, { throwIfNoEntry: false });
    return `${file}:${stat?.size}:${stat?.mtimeMs}`;
  });
  return { files, fingerprint: fingerprint.join("|") };
}

/** The stored BLOB's entries as trust entries; converted once per stored BLOB (the real one has hundreds of roots). */
let blobEntries: { snapshot: MdsSnapshot; entries: MetadataEntry[]; problems: string[] } | undefined;

function entriesOfBlob(snapshot: MdsSnapshot): { entries: MetadataEntry[]; problems: string[] } {
  if (blobEntries?.snapshot === snapshot) return blobEntries;
  const source = `MDS3 BLOB no. ${snapshot.blob?.serial}`;
  const entries: MetadataEntry[] = [];
  const problems: string[] = [];
  for (const entry of new Set([...snapshot.byAaguid.values(), ...snapshot.byKeyIdentifier.values()])) {
    const statement = entry.metadataStatement;
    const aaguid = (entry.aaguid ?? statement?.aaguid)?.toLowerCase();
    const keyIdentifiers =
      entry.attestationCertificateKeyIdentifiers ?? statement?.attestationCertificateKeyIdentifiers ?? [];
    try {
      entries.push({
        source,
        aaguid,
        keyIdentifiers: keyIdentifiers.map((id) => id.toLowerCase()),
        roots: (statement?.attestationRootCertificates ?? []).map(
          (der) => new X509Certificate(Buffer.from(der, "base64")),
        ),
        compromised: entry.statusReports
          .map((report) => report.status)
          .find((status) => COMPROMISED_STATUSES.has(status)),
      });
    } catch (error) {
      problems.push(`${source} ${aaguid ?? keyIdentifiers.join(",")}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  blobEntries = { snapshot, entries, problems };
  return blobEntries;
}

let cached: { key: string; snapshot: MdsSnapshot; store: TrustStore } | undefined;

/**
 * The current trust store. The folder is read again whenever a file in it changes, so metadata a suite run writes
 * is trusted without a restart. A file that cannot be read is left out and named in `problems` (logged once).
 */
export function loadTrustStore(
  sources: TrustSources = { metadataDir: env.FIDO_METADATA_DIR, trustTestCa: env.FIDO_TRUST_TEST_CA === "on" },
  snapshot: MdsSnapshot = currentMdsSnapshot(),
): TrustStore {
  const folder = sources.metadataDir ? readFolder(sources.metadataDir) : { files: [], fingerprint: "none" };
  const key = `${sources.trustTestCa}|${sources.metadataDir}|${folder.fingerprint}`;
  if (cached?.key === key && cached.snapshot === snapshot) return cached.store;

  const store: TrustStore = {
    anchors: [],
    entries: [],
    problems: [],
    mdsBlob: snapshot.blob && { serial: snapshot.blob.serial, nextUpdate: snapshot.blob.nextUpdate },
  };
  if (sources.trustTestCa) store.anchors.push(new X509Certificate(testCaRootPem()));
  for (const file of folder.files) {
    try {
      const bytes = readFileSync(file);
      if (extname(file).toLowerCase() === ".json") {
        const entry = parseMetadata(file, bytes);
        store.entries.push(entry);
        store.anchors.push(...entry.roots);
      } else {
        store.anchors.push(...parseCertificates(file, bytes));
      }
    } catch (error) {
      store.problems.push(`${file}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  // A BLOB's roots trust only the models its entries describe: an authenticator it does not list (or lists only in a
  // BLOB that was refused) gains nothing from them (FIDO's Server-MDS3 F-3 to F-6).
  const fromBlob = entriesOfBlob(snapshot);
  store.entries.push(...fromBlob.entries);
  store.problems.push(...fromBlob.problems);
  if (store.problems.length > 0) console.warn(`FIDO conformance trust store: left out ${store.problems.join("; ")}`);
  cached = { key, snapshot, store };
  return store;
}
