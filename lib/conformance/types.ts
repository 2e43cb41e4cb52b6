// The conformance suite's vocabulary. The suite is an outside client: it reaches a server only over HTTP.
import type { AuthenticatorOptions, SoftwareAuthenticator } from "@/lib/authenticator";
import type { CaseResult, SuiteSummary } from "@/lib/conformance-report-shapes";
import type { Answer, FidoClient } from "./fido-client";

export type { CaseOutcome, CaseResult, Deviation, Exchange, SuiteSummary } from "@/lib/conformance-report-shapes";

export type SuiteReport = {
  target: string;
  origin: string;
  startedAt: string;
  durationMs: number;
  summary: SuiteSummary;
  /** The id of the case after which the target stopped answering, when it did. */
  crashedAfter: string | null;
  /** What a rerun would fix, e.g. --concurrency 1 for a target that serves one ceremony at a time (run-hints.ts). */
  hints: string[];
  cases: CaseResult[];
};

export type ProgressEvent =
  { type: "start"; total: number } | { type: "case"; result: CaseResult; done: number; total: number };

/** What a case gets: a fresh HTTP client (own cookie jar), the origin to claim, fresh usernames and authenticators. */
export type CaseContext = {
  client: FidoClient;
  origin: string;
  username: () => string;
  authenticator: (options?: AuthenticatorOptions) => SoftwareAuthenticator;
  /** The target was given the suite's metadata statements (the runner wrote them into its metadata folder). */
  metadataWritten: boolean;
  /** The run served the suite's MDS3 test BLOBs and the target was pointed at them (mds-test-service.ts). */
  mdsServed: boolean;
  /**
   * How the target reads a negative case's positive twin (the same ceremony without the mutation): run once per key
   * in a run and shared, so a refusal can be told from a target that refuses that ceremony anyway.
   */
  twin: (key: string, run: (context: CaseContext) => Promise<Answer>) => Promise<TwinResult>;
};

/** A twin's answer as the suite reads it; `detail` is the answer (or why there was none) for the report. */
export type TwinResult = { reading: "accepted" | "refused" | "broken"; detail: string };

export type ConformanceCase = {
  /** The FIDO test ID ("Server-ServerAuthenticatorAttestationResponse-Resp-1 F-3") or our own ("PasskeyLab-…"). */
  id: string;
  family: string;
  title: string;
  /** Optional in FIDO's list: a target that refuses the valid response it starts from is skipped, not failed. */
  optional?: boolean;
  /** Never run, and why. */
  skip?: string;
  /**
   * The case registers an x5c chain signed by the suite's per-run test root, which a target trusts only once
   * --metadata-dir wrote the run's metadata into its folder; a refusal may then mean only that (lib/conformance/test-root-hint.ts).
   */
  testRootChain?: "must-accept" | "must-refuse";
  run?: (context: CaseContext) => Promise<void>;
};
