// When to tell a CLI user to pass --metadata-dir. The suite's attestation root is made per run, so a target trusts the
// full-attestation chains it signs only after --metadata-dir wrote the run's metadata into the target's folder. Only a
// refusal can come from that missing trust: a positive case that failed, or a negative one whose twin was refused
// (inconclusive). A negative case that failed was accepted, and no metadata makes a target refuse more.
import type { ConformanceCase, SuiteReport } from "./types";

export const TEST_ROOT_HINT =
  "Hint: full-attestation cases need the target to trust this run's test root: pass --metadata-dir <its FIDO_METADATA_DIR>.";

export function needsTestRootHint(
  report: Pick<SuiteReport, "cases">,
  cases: ConformanceCase[],
  metadataDirGiven: boolean,
): boolean {
  if (metadataDirGiven) return false;
  const chainOf = new Map(cases.map((conformanceCase) => [conformanceCase.id, conformanceCase.testRootChain]));
  return report.cases.some((result) => {
    const chain = chainOf.get(result.id);
    if (!chain) return false;
    return result.outcome === "inconclusive" || (result.outcome === "fail" && chain === "must-accept");
  });
}
