// What the report card's server actions accept. Sizes are bounded and objects strict, so a tampered request is answered
// with `input:invalid` and a sentence, never a 500.
import { z } from "zod";
import { authenticationResponseSchema, registrationResponseSchema } from "@/lib/webauthn/response-schemas";
import { STEP_IDS, STEPS } from "./steps";

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, "must be base64url");
/** WebAuthn L3 §5.1: credential ids are at most 1023 bytes (1364 base64url characters). */
const credentialId = base64url.max(1364);

export const stepIdSchema = z.enum(STEP_IDS, { message: "That is not a step of the report card." });

const bytes = z.strictObject({
  byteLength: z
    .number()
    .int()
    .min(0)
    .max(1 << 20),
});

/** Client extension results as lib/report-card/extension-results.ts summarises them in the browser. */
export const extensionSummarySchema = z.strictObject({
  credProps: z.strictObject({ rk: z.boolean().optional() }).optional(),
  prf: z
    .strictObject({
      enabled: z.boolean().optional(),
      results: z.strictObject({ first: bytes.optional(), second: bytes.optional() }).optional(),
    })
    .optional(),
  largeBlob: z
    .strictObject({ supported: z.boolean().optional(), blob: bytes.optional(), written: z.boolean().optional() })
    .optional(),
  /** Names of any other outputs the browser added, values left out. */
  others: z.array(z.string().max(64)).max(20).optional(),
});

export type ExtensionSummary = z.infer<typeof extensionSummarySchema>;

/** The credentials this page made, for a get step's allowCredentials. */
export const allowListSchema = z
  .array(z.strictObject({ id: credentialId, transports: z.array(z.string().max(32)).max(10).optional() }), {
    message: "The list of test credentials is not valid.",
  })
  .max(20);

export const knownCredentialSchema = z.strictObject({
  id: credentialId,
  /** The last counter this page saw for it. */
  signCount: z.number().int().min(0).max(0xffffffff),
  madeBy: stepIdSchema,
});

export type KnownCredential = z.infer<typeof knownCredentialSchema>;

const isCeremony = (ceremony: "create" | "get") => (id: (typeof STEP_IDS)[number]) => STEPS[id].ceremony === ceremony;

export const registrationInputSchema = z.strictObject({
  stepId: stepIdSchema.refine(isCeremony("create"), "This step does not create a credential."),
  response: registrationResponseSchema,
  extensions: extensionSummarySchema,
});

export const assertionInputSchema = z.strictObject({
  stepId: stepIdSchema.refine(isCeremony("get"), "This step does not sign in."),
  response: authenticationResponseSchema,
  extensions: extensionSummarySchema,
  known: z.array(knownCredentialSchema).max(20),
});
