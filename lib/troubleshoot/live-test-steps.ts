// How each live-test step is named, on the wizard, in the report and in support's script. Its own module (no zod) so
// that the pages' scripts do not carry the report's schema.
import type { LiveTestStep } from "./report-content";

export const liveTestStepTitles: Record<LiveTestStep["step"], string> = {
  "existing-passkey": "Your passkey on this device",
  create: "Making a passkey",
  get: "Signing in with it",
};
