// What the server accepts as a browser event: strict objects of enumerated values, booleans and one bounded whole
// number. An unknown key (a credential id, a clientDataJSON, a message), a string outside the lists or an oversized
// number is refused whole, so nothing a caller wrote is ever stored (security bar 61, docs/decisions/025).
import { z } from "zod";
import { capabilityFields, ceremonies, mediations, MAX_DURATION_MS, outcomes } from "./vocabulary";

const maybe = z.boolean().nullable();

const capabilities = z.strictObject(
  Object.fromEntries(capabilityFields.map((field) => [field, maybe])) as Record<
    (typeof capabilityFields)[number],
    typeof maybe
  >,
);

export const browserEventSchema = z.strictObject({
  ceremony: z.enum(ceremonies),
  mediation: z.enum(mediations),
  outcome: z.enum(outcomes),
  durationMs: z.number().int().min(0).max(MAX_DURATION_MS),
  wrapped: maybe,
  capabilities,
});
