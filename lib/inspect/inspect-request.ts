// The body POST /api/inspect takes. Origins come as one string or a list.
import { z } from "zod";
import type { InspectInput } from "./types";

const origins = z
  .union([z.string().min(1).max(2048), z.array(z.string().min(1).max(2048)).min(1).max(50)])
  .transform((value) => (Array.isArray(value) ? value : [value]));

export const inspectRequestSchema = z.object({
  response: z.record(z.string(), z.unknown()),
  expectedChallenge: z.string().min(1).max(4096).optional(),
  expectedOrigin: origins.optional(),
  expectedRPID: z.string().min(1).max(253).optional(),
  expectedTopOrigin: origins.optional(),
  credentialPublicKey: z.string().min(1).max(16_384).optional(),
  storedSignCount: z.number().int().min(0).max(0xffffffff).optional(),
  requireUserVerification: z.boolean().optional(),
  requireTrustedAttestation: z.boolean().optional(),
  now: z.number().int().min(0).max(8.64e15).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  mediation: z.enum(["silent", "optional", "conditional", "required"]).optional(),
}) satisfies z.ZodType<Omit<InspectInput, "asked">, unknown>;
