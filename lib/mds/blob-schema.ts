// The MDS3 BLOB payload (FIDO Metadata Service 3.0 §3.1.6 MetadataBLOBPayload, §3.1.1 MetadataBLOBPayloadEntry,
// §3.1.3 StatusReport). Only what Passkey Lab reads is named; the rest of each entry passes through untouched, so the
// stored entries are the BLOB's own.
import { z } from "zod";

/** FIDO Metadata Service 3.0 §3.1.4 AuthenticatorStatus. */
export const AUTHENTICATOR_STATUSES = [
  "NOT_FIDO_CERTIFIED",
  "FIDO_CERTIFIED",
  "USER_VERIFICATION_BYPASS",
  "ATTESTATION_KEY_COMPROMISE",
  "USER_KEY_REMOTE_COMPROMISE",
  "USER_KEY_PHYSICAL_COMPROMISE",
  "UPDATE_AVAILABLE",
  "REVOKED",
  "SELF_ASSERTION_SUBMITTED",
  "FIDO_CERTIFIED_L1",
  "FIDO_CERTIFIED_L1plus",
  "FIDO_CERTIFIED_L2",
  "FIDO_CERTIFIED_L2plus",
  "FIDO_CERTIFIED_L3",
  "FIDO_CERTIFIED_L3plus",
] as const;

const statusReportSchema = z.looseObject({
  // An unknown status is kept as text: a newer BLOB may add one, and it must not make the whole BLOB unreadable.
  status: z.string(),
  effectiveDate: z.string().optional(),
  certificationDescriptor: z.string().optional(),
  certificateNumber: z.string().optional(),
});

const statementSchema = z.looseObject({
  description: z.string().optional(),
  aaguid: z.string().optional(),
  attestationCertificateKeyIdentifiers: z.array(z.string()).optional(),
  attestationRootCertificates: z.array(z.string()).default([]),
  icon: z.string().optional(),
});

export const blobEntrySchema = z.looseObject({
  aaguid: z.string().optional(),
  aaid: z.string().optional(),
  attestationCertificateKeyIdentifiers: z.array(z.string()).optional(),
  metadataStatement: statementSchema.optional(),
  statusReports: z.array(statusReportSchema).default([]),
  timeOfLastStatusChange: z.string().optional(),
});

export const blobPayloadSchema = z.looseObject({
  legalHeader: z.string().optional(),
  no: z.number().int().nonnegative(),
  nextUpdate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"),
  entries: z.array(blobEntrySchema),
});

export type BlobEntry = z.infer<typeof blobEntrySchema>;
export type BlobPayload = z.infer<typeof blobPayloadSchema>;
