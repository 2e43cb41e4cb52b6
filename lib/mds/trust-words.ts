// What the FIDO metadata says of a passkey's model (describe-authenticator.ts, in English for the developer pages), in
// the words of the page a person reads: the certification and each status that matters, by their MDS3 status.
import type { Translator } from "@/lib/i18n/translator";
import type { AUTHENTICATOR_STATUSES } from "./blob-schema";
import type { AuthenticatorTrust } from "./describe-authenticator";
import type { MdsBlobLabel } from "./authenticator-metadata";

type Status = (typeof AUTHENTICATOR_STATUSES)[number];

const CERTIFICATION_KEYS = {
  NOT_FIDO_CERTIFIED: "certification.notCertified",
  SELF_ASSERTION_SUBMITTED: "certification.selfAssessed",
  FIDO_CERTIFIED: "certification.certified",
  FIDO_CERTIFIED_L1: "certification.level1",
  FIDO_CERTIFIED_L1plus: "certification.level1plus",
  FIDO_CERTIFIED_L2: "certification.level2",
  FIDO_CERTIFIED_L2plus: "certification.level2plus",
  FIDO_CERTIFIED_L3: "certification.level3",
  FIDO_CERTIFIED_L3plus: "certification.level3plus",
} as const satisfies Partial<Record<Status, string>>;

const WARNING_KEYS = {
  REVOKED: "warnings.revoked",
  USER_VERIFICATION_BYPASS: "warnings.verificationBypass",
  ATTESTATION_KEY_COMPROMISE: "warnings.attestationKeyLeaked",
  USER_KEY_REMOTE_COMPROMISE: "warnings.keysStolenRemotely",
  USER_KEY_PHYSICAL_COMPROMISE: "warnings.keysExtracted",
  UPDATE_AVAILABLE: "warnings.updateAvailable",
} as const satisfies Partial<Record<Status, string>>;

function keyOf<K extends string>(keys: Partial<Record<string, K>>, status: string | undefined): K | undefined {
  return status === undefined ? undefined : keys[status];
}

/** The same facts, worded in the translator's language; a status this table does not know keeps its English words. */
export function trustInWords(trust: AuthenticatorTrust, t: Translator<"passkeys">): AuthenticatorTrust {
  const certification = keyOf(CERTIFICATION_KEYS, trust.certificationStatus);
  return {
    ...trust,
    certification: certification ? t(certification) : trust.certification,
    warnings: trust.warnings.map((warning) => {
      const key = keyOf(WARNING_KEYS, warning.status);
      return { status: warning.status, words: key ? t(key) : warning.words };
    }),
  };
}

/** Which FIDO metadata BLOB a page used, or that there is none. */
export function blobInWords(blob: MdsBlobLabel, t: Translator<"passkeys">): string {
  if (!blob) return t("noMetadataBlob");
  return t("metadataBlob", {
    fromFido: blob.fromFido ? "yes" : "no",
    // A BLOB's number, not a quantity: no digit grouping.
    serial: String(blob.serial),
    stored: blob.storedAt.toISOString().slice(0, 10),
    outOfDate: blob.outOfDate ? "yes" : "no",
    nextUpdate: blob.nextUpdate,
  });
}
