// The report card's row naming the authenticator's FIDO certification, from the stored Metadata Service BLOB, and
// which BLOB that was (or that none is stored).
import type { MdsBlobLabel } from "@/lib/mds/authenticator-metadata";
import type { AuthenticatorTrust } from "@/lib/mds/describe-authenticator";
import type { CardRow } from "./card";

export type CardMetadata = { blob: MdsBlobLabel; lookUp: (aaguid: string) => AuthenticatorTrust | null };

export function certificationRow(metadata: CardMetadata, aaguid: string | null): CardRow {
  const source = metadata.blob
    ? `From ${metadata.blob.fromFido ? "FIDO Metadata Service" : "a test metadata service's"} BLOB no. ${metadata.blob.serial}${metadata.blob.outOfDate ? " (out of date)" : ""}.`
    : "No FIDO Metadata Service BLOB is stored on this server.";
  const trust = aaguid && metadata.blob ? metadata.lookUp(aaguid) : null;
  if (!trust)
    return {
      label: "FIDO certification",
      value: metadata.blob && aaguid ? "not listed in the FIDO metadata" : "unknown",
      note: source,
    };
  const warnings = trust.warnings.map((warning) => `${warning.words}.`).join(" ");
  return {
    label: "FIDO certification",
    value: trust.certification ?? "none stated",
    note: warnings ? `${warnings} ${source}` : source,
  };
}
