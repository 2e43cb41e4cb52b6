// The card's vocabulary: each step ends in one result with a status, a sentence and rows of label/value.
import type { StepId } from "./steps";

/** "not-observable": the step ran, but what it asks about leaves no trace in the response (hints). */
export type StepStatus = "supported" | "not-supported" | "error" | "not-observable";

export type CardRow = { label: string; value: string; note?: string };

/** A credential as the page remembers it between steps: for allowCredentials and the sign-count comparison. */
export type CardCredential = { id: string; transports: string[]; signCount: number; madeBy: StepId };

export type StepResult = {
  stepId: StepId;
  status: StepStatus;
  /** One sentence: what happened, in plain words. */
  headline: string;
  rows: CardRow[];
  /** The exact technical cause (DOMException name and message), when there is one. */
  detail?: string;
  credential?: CardCredential;
};

export const STATUS_LABELS: Record<StepStatus, string> = {
  supported: "Supported",
  "not-supported": "Not supported",
  error: "Error",
  "not-observable": "Not observable",
};

export const yesNo = (value: boolean) => (value ? "yes" : "no");
