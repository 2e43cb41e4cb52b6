// The conformance suite's vocabulary. The suite is an outside client: it reaches a server only over HTTP.
import type { AuthenticatorOptions, SoftwareAuthenticator } from "@/lib/authenticator";
import type { FidoClient } from "./fido-client";

export type CaseStatus = "passed" | "failed" | "skipped";

/** One HTTP round trip, as a report shows it (large bodies shortened). */
export type Exchange = {
  request: { method: "POST"; url: string; body: unknown };
  response: { status: number; body: unknown };
  durationMs: number;
};

export type CaseFailure = { message: string; expected: string; received: string };

export type CaseResult = {
  id: string;
  family: string;
  title: string;
  status: CaseStatus;
  /** Why it was skipped. */
  reason?: string;
  failure?: CaseFailure;
  /** Every request and response of a failed case. */
  exchanges?: Exchange[];
  durationMs: number;
};

export type SuiteSummary = { total: number; passed: number; failed: number; skipped: number };

export type SuiteReport = {
  target: string;
  origin: string;
  startedAt: string;
  durationMs: number;
  summary: SuiteSummary;
  cases: CaseResult[];
};

export type ProgressEvent = { type: "start"; total: number } | { type: "case"; result: CaseResult; done: number; total: number };

/** What a case gets: a fresh HTTP client (own cookie jar), the origin to claim, fresh usernames and authenticators. */
export type CaseContext = {
  client: FidoClient;
  origin: string;
  username: () => string;
  authenticator: (options?: AuthenticatorOptions) => SoftwareAuthenticator;
  /** The target was given the suite's metadata statements (the runner wrote them into its metadata folder). */
  metadataWritten: boolean;
};

export type ConformanceCase = {
  /** The FIDO test ID ("Server-ServerAuthenticatorAttestationResponse-Resp-1 F-3") or our own ("PasskeyLab-…"). */
  id: string;
  family: string;
  title: string;
  /** Optional in FIDO's list: a target that refuses the valid response it starts from is skipped, not failed. */
  optional?: boolean;
  /** Never run, and why. */
  skip?: string;
  run?: (context: CaseContext) => Promise<void>;
};
