// npm run mds:update [-- --file blob.jwt] [--crl ca.crl ...] [--url https://…] [--root test-root.pem]
// Fetches the FIDO Metadata Service BLOB (MDS_URL), verifies it against the FIDO root and stores it if newer. Offline,
// --file takes a BLOB downloaded elsewhere, and --crl the CRLs its chain names (decision 026: without them it is refused).
// --root trusts another root instead of FIDO's, for a test metadata service (the FIDO conformance tools', the suite's).
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { migrateDatabase } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { updateMds } from "@/lib/mds/update-mds";

const USAGE =
  "Usage: npm run mds:update [-- --file blob.jwt] [--crl file.crl ...] [--url https://mds3.fidoalliance.org/] [--root root.pem]";
const OPTIONS = {
  file: { type: "string" },
  crl: { type: "string", multiple: true },
  url: { type: "string" },
  root: { type: "string" },
} as const;

function parseOptions() {
  try {
    return parseArgs({ options: OPTIONS }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}
const { file, crl = [], url = env.MDS_URL, root } = parseOptions();

function read(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    console.error(`Cannot read ${path}: ${(error as Error).message}`);
    process.exit(2);
  }
}

await migrateDatabase();
const result = await updateMds({
  blob: file ? { jwt: read(file).toString("utf8"), source: `file:${basename(file)}` } : { url },
  crls: crl.map(read),
  fetchCrls: !file,
  roots: root ? [read(root).toString("utf8")] : undefined,
});
if (!result.ok) {
  console.error(
    `Metadata BLOB not stored: ${result.message}${result.detail && !result.message.includes(result.detail) ? `\n  ${result.detail}` : ""}`,
  );
  process.exit(1);
}
const { status, serial, nextUpdate } = result.data;
console.log(
  status === "stored"
    ? `Stored metadata BLOB no. ${serial} (next update due ${nextUpdate}).`
    : `Metadata BLOB no. ${serial} is already stored (next update due ${nextUpdate}).`,
);
