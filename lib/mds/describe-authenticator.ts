// What the stored MDS3 BLOB says about one authenticator model, as the passkey list, the support console, the
// inspector and the report card show it: its name, icon, certification and the statuses that matter, in words.
import type { BlobEntry } from "./blob-schema";
import { CERTIFICATION_WORDS, COMPROMISED_STATUSES, WARNING_WORDS } from "./status-words";

export type AuthenticatorTrust = {
  description?: string;
  /** A data: URL of a raster image (CSP img-src allows data:); anything else in the statement is dropped. */
  icon?: string;
  certification?: string;
  /** The status the certification words come from (FIDO_CERTIFIED_L2…): a page in another language words it itself. */
  certificationStatus?: string;
  warnings: { status: string; words: string }[];
  /** The first status after which attestation from this model is not trusted, if any. */
  compromised?: string;
};

/** Icons are PNG in practice (FIDO MDS 3.0 §4 icon: "a PNG image file"); SVG and remote URLs are not shown. */
const ICON = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$/;
const ICON_MAX_LENGTH = 200_000;

export function describeAuthenticator(entry: BlobEntry): AuthenticatorTrust {
  const icon = entry.metadataStatement?.icon;
  // Status reports in order of effectiveDate (a report without one counts as oldest); the BLOB lists them so anyway.
  const reports = [...entry.statusReports].sort((a, b) => (a.effectiveDate ?? "").localeCompare(b.effectiveDate ?? ""));
  const certificationStatus = reports
    .map((report) => report.status)
    .findLast((status) => status in CERTIFICATION_WORDS);
  const warnings = [...new Set(reports.map((report) => report.status))]
    .filter((status) => status in WARNING_WORDS)
    .map((status) => ({ status, words: WARNING_WORDS[status as keyof typeof WARNING_WORDS] ?? status }));
  return {
    description: entry.metadataStatement?.description,
    icon: icon && icon.length <= ICON_MAX_LENGTH && ICON.test(icon) ? icon.replace(/\s/g, "") : undefined,
    certification: CERTIFICATION_WORDS[certificationStatus as keyof typeof CERTIFICATION_WORDS],
    certificationStatus,
    warnings,
    compromised: reports.map((report) => report.status).find((status) => COMPROMISED_STATUSES.has(status)),
  };
}
