// The checks the mismatch explainer makes (mismatch.ts), by the name a report stores and the table shows: technical
// names, the same in every language. Its own module so that the report's schema takes them without node:crypto.
export const mismatchFields = [
  "clientDataJSON",
  "origin",
  "type",
  "challenge",
  "authenticatorData",
  "RP ID hash",
  "user present (UP)",
  "user verified (UV)",
  "backup (BE/BS)",
  "signature counter",
] as const;

export type MismatchField = (typeof mismatchFields)[number];
