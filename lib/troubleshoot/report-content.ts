// What a troubleshooting report holds. Checked on save (and size-capped), so the staff view can trust its shape.
// Version 2 (saved from session 21 on) holds facts only — the environment snapshot the checks judged, the symptom's
// ids and answers, the live test's verdict codes — and is put into words when read, in the reader's language
// (describe-report.ts; docs/decisions/028). Version 1 held the words the person's browser showed; reports of that
// version (kept 30 days) are still read as they are.
import { z } from "zod";
import { environmentSnapshotSchema } from "@/lib/compat/snapshot";
import { LOCALES } from "@/lib/i18n/locales";
import { passkeyFailureReasons, type PasskeyFailureReason } from "@/lib/webauthn/failure-reason";
import { browserErrorCodes, browserErrorNames } from "./browser-error-names";
import { mismatchFields } from "./mismatch-fields";

const text = (max = 2000) => z.string().max(max);
const status = z.enum(["ok", "warning", "problem", "unknown", "unused"]);
const liveTestStepName = z.enum(["create", "get", "existing-passkey"]);

export const mismatchCheckSchema = z.object({
  field: text(80),
  ok: z.boolean(),
  expected: text(),
  received: text(),
  meaning: text(),
});

/** Version 1: words, as the person's browser showed them. Also the shape a version 2 report is described into. */
export const reportV1Schema = z.object({
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
        step: liveTestStepName,
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

const reasons = Object.keys(passkeyFailureReasons) as [PasskeyFailureReason, ...PasskeyFailureReason[]];

export const liveTestStepFactSchema = z.strictObject({
  step: liveTestStepName,
  ok: z.boolean(),
  /** Why the server refused it (lib/webauthn/failure-reason.ts). */
  reason: z.enum(reasons).optional(),
  /** What the browser threw, by name and SimpleWebAuthn code only. */
  browserError: z
    .strictObject({ name: z.enum(browserErrorNames), code: z.enum(browserErrorCodes).optional() })
    .optional(),
  checks: z
    .array(z.strictObject({ field: z.enum(mismatchFields), ok: z.boolean(), expected: text(600), received: text(300) }))
    .max(20),
  facts: z
    .strictObject({
      authenticator: text(120),
      storage: z.enum(["synced", "can-sync", "device-bound"]),
      userVerified: z.boolean(),
    })
    .optional(),
});

/** Version 2: facts only, put into words when read. */
export const reportV2Schema = z.strictObject({
  version: z.literal(2),
  /** The language the person used the wizard in. */
  locale: z.enum(LOCALES),
  /** The environment the checks judged, with the server's own two answers (reachable, cookie came back). */
  snapshot: environmentSnapshotSchema,
  symptom: z
    .strictObject({
      id: text(80),
      answers: z.record(text(80), text(80)).refine((answers) => Object.keys(answers).length <= 20),
    })
    .optional(),
  liveTest: z.array(liveTestStepFactSchema).max(10).optional(),
  contactEmail: z.email().max(254).optional(),
});

/** A report as stored: either version. */
export const storedReportSchema = z.discriminatedUnion("version", [reportV1Schema, reportV2Schema]);

/** A report in words: a version 1 report as stored, or a version 2 report described in the reader's language. */
export type ReportContent = z.infer<typeof reportV1Schema>;
export type ReportFacts = z.infer<typeof reportV2Schema>;
export type LiveTestStepFact = z.infer<typeof liveTestStepFactSchema>;
export type StoredReport = z.infer<typeof storedReportSchema>;
