// What the FIDO Conformance Test API sends to /attestation/options and /assertion/options.
import { z } from "zod";

export const userVerificationSchema = z.enum(["required", "preferred", "discouraged"]);
export type UserVerification = z.infer<typeof userVerificationSchema>;

const MAX_EXTENSION_DEPTH = 32;

/** Walks without recursion: the input may be nested as deep as 1 MB of "[" allows. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [member, depth] = next;
    if (depth > limit) return true;
    if (typeof member === "object" && member !== null)
      for (const child of Object.values(member)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Requested extensions are echoed as they came (the tool checks "example.extension"), so their depth is bounded. */
const extensions = z
  .record(z.string(), z.unknown())
  .refine(
    (value) => !nestedDeeperThan(value, MAX_EXTENSION_DEPTH),
    `is nested deeper than ${MAX_EXTENSION_DEPTH} levels`,
  );

export const creationOptionsRequestSchema = z.object({
  username: z.string().min(1).max(256),
  /** Optional here: the username stands in for it. */
  displayName: z.string().max(256).optional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
      residentKey: z.enum(["discouraged", "preferred", "required"]).optional(),
      requireResidentKey: z.boolean().optional(),
      userVerification: userVerificationSchema.optional(),
    })
    .optional(),
  attestation: z.enum(["none", "indirect", "direct", "enterprise"]).default("none"),
  extensions: extensions.optional(),
});

export const requestOptionsRequestSchema = z.object({
  username: z.string().min(1).max(256),
  userVerification: userVerificationSchema.optional(),
  /** Some tool versions put userVerification here instead. */
  authenticatorSelection: z.object({ userVerification: userVerificationSchema.optional() }).optional(),
  extensions: extensions.optional(),
});
