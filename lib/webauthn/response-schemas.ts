// The shape of what a browser sends back, checked before any verification runs (security bar B18).
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";
import { checkAttestationCbor } from "./check-attestation-cbor";

const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/, "must be base64url");
const nonEmpty = base64url.min(1);
/** CBOR bombs and trailing bytes are refused before any decoder runs (security bar B20, B21). */
const attestationObject = nonEmpty.superRefine((value, context) => {
  const problem = checkAttestationCbor(new Uint8Array(Buffer.from(value, "base64url")));
  if (problem) context.addIssue({ code: "custom", message: problem });
});
const attachment = z.enum(["platform", "cross-platform"]).optional();

function sameId<T extends { id: string; rawId: string }>(schema: z.ZodType<T>) {
  return schema.refine((credential) => credential.id === credential.rawId, {
    message: "id and rawId differ",
    path: ["rawId"],
  });
}

export const registrationResponseSchema = sameId(
  z.object({
    id: nonEmpty,
    rawId: nonEmpty,
    type: z.literal("public-key"),
    authenticatorAttachment: attachment,
    clientExtensionResults: z.record(z.string(), z.unknown()),
    response: z.object({
      clientDataJSON: nonEmpty,
      attestationObject,
      authenticatorData: base64url.optional(),
      transports: z.array(z.string().max(32)).max(10).optional(),
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: base64url.optional(),
    }),
  }),
) satisfies z.ZodType<RegistrationResponseJSON>;

export const authenticationResponseSchema = sameId(
  z.object({
    id: nonEmpty,
    rawId: nonEmpty,
    type: z.literal("public-key"),
    authenticatorAttachment: attachment,
    clientExtensionResults: z.record(z.string(), z.unknown()),
    response: z.object({
      clientDataJSON: nonEmpty,
      authenticatorData: nonEmpty,
      signature: nonEmpty,
      userHandle: base64url.optional(),
    }),
  }),
) satisfies z.ZodType<AuthenticationResponseJSON>;
