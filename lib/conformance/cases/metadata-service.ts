// Server-MDS3: the FIDO tool's metadata service tests. They need the MDS3 BLOB endpoints the tool serves; a suite
// that only talks to the four API routes has no way to point a server at a BLOB of its own.
import { fidoId, skipped } from "../case-builders";
import type { ConformanceCase } from "../types";

const MDS3 = "Server-MDS3";
const REASON =
  "needs the FIDO tool's MDS3 test BLOB endpoints configured in the target; the suite checks metadata status from a folder instead (PasskeyLab-Metadata)";

const TESTS: [string, string][] = [
  ["P-1", "packed full attestation described by valid MDS metadata is accepted"],
  ["F-1", "metadata whose hash cannot be verified"],
  [
    "F-2",
    "metadata status USER_VERIFICATION_BYPASS, ATTESTATION_KEY_COMPROMISE, USER_KEY_REMOTE_COMPROMISE or USER_KEY_PHYSICAL_COMPROMISE",
  ],
  ["F-3", "a BLOB whose signature cannot be verified"],
  ["F-4", "a BLOB whose certificate chain cannot be verified"],
  ["F-5", "a BLOB signed under a revoked intermediate certificate"],
  ["F-6", "a BLOB signed by a revoked leaf certificate"],
];

export const metadataServiceCases: ConformanceCase[] = TESTS.map(([test, title]) =>
  skipped(fidoId(MDS3, test), MDS3, title, REASON),
);
