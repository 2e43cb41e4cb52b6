// The whole card as one JSON document for the "Download JSON" button: who ran it (browser and OS from the user agent),
// and for every step its options in words and its result. Never a challenge, a key or a PRF secret.
import { STATUS_LABELS, type CardRow, type StepResult } from "./card";
import { STEP_IDS, STEPS, summariseStepOptions, type StepId } from "./steps";

export type ReportCardExport = {
  kind: "passkey-lab-report-card";
  version: 1;
  generatedAt: string;
  /** "Chrome 156 on Linux". */
  client: string;
  userAgent: string;
  rpId: string;
  steps: {
    id: StepId;
    title: string;
    options: string[];
    status: string;
    headline: string | null;
    rows: CardRow[];
    detail: string | null;
  }[];
};

export function exportReportCard(input: {
  generatedAt: Date;
  client: string;
  userAgent: string;
  rpId: string;
  results: Partial<Record<StepId, StepResult>>;
}): ReportCardExport {
  return {
    kind: "passkey-lab-report-card",
    version: 1,
    generatedAt: input.generatedAt.toISOString(),
    client: input.client,
    userAgent: input.userAgent,
    rpId: input.rpId,
    steps: STEP_IDS.map((id) => {
      const result = input.results[id];
      return {
        id,
        title: STEPS[id].title,
        options: summariseStepOptions(STEPS[id]),
        status: result ? STATUS_LABELS[result.status] : "Not run",
        headline: result?.headline ?? null,
        rows: result?.rows ?? [],
        detail: result?.detail ?? null,
      };
    }),
  };
}
