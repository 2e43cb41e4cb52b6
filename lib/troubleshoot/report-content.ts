// What a troubleshooting report holds. Checked on save (and size-capped), so the staff view can trust its shape.
import { z } from "zod";

const text = (max = 2000) => z.string().max(max);
const status = z.enum(["ok", "warning", "problem", "unknown", "unused"]);

export const mismatchCheckSchema = z.object({
  field: text(80),
  ok: z.boolean(),
  expected: text(),
  received: text(),
  meaning: text(),
});

export const reportContentSchema = z.object({
  version: z.literal(1),
  platform: z.object({ os: text(120), browser: text(120), inAppBrowser: text(120).nullable() }),
  findings: z
    .array(
      z.object({
        id: text(80),
        title: text(200),
        status,
        meaning: text(),
        fix: text().nullable(),
        detail: text().optional(),
        causes: z
          .array(z.object({ cause: text(), fix: text() }))
          .max(8)
          .optional(),
      }),
    )
    .max(80),
  symptom: z
    .object({
      id: text(80),
      title: text(200),
      answers: z.array(z.object({ question: text(300), answer: text(300) })).max(20),
      steps: z.array(text()).max(30),
    })
    .optional(),
  liveTest: z
    .array(
      z.object({
        // "existing-passkey": the device refused to make a second passkey for this account (excludeCredentials) — a finding.
        step: z.enum(["create", "get", "existing-passkey"]),
        ok: z.boolean(),
        message: text(),
        browserError: z.object({ name: text(80), cause: text(), fix: text() }).optional(),
        detail: text().optional(),
        checks: z.array(mismatchCheckSchema).max(20),
        facts: z.record(text(80), text(300)).optional(),
      }),
    )
    .max(10)
    .optional(),
  /** Only when the person chose to include it. */
  contactEmail: z.email().max(254).optional(),
});

export type ReportContent = z.infer<typeof reportContentSchema>;
export type LiveTestStep = NonNullable<ReportContent["liveTest"]>[number];
