// What the FIDO Metadata Service says of a passkey's authenticator model: its icon (a data: URL, which the CSP's
// img-src allows), its certification and any status that matters, in words. No state: usable from client and server
// components alike.
import type { AuthenticatorTrust } from "@/lib/mds/describe-authenticator";
import type { MdsBlobLabel } from "@/lib/mds/authenticator-metadata";
import { Badge } from "./badge";

export function AuthenticatorMetadata({ metadata }: { metadata: AuthenticatorTrust | null }) {
  if (!metadata) return null;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        {metadata.icon && (
          // eslint-disable-next-line @next/next/no-img-element -- a data: URL from the metadata, nothing to optimise
          <img src={metadata.icon} alt="" width={24} height={24} className="h-6 w-6 object-contain" />
        )}
        <Badge tone={metadata.certification?.startsWith("FIDO Certified") ? "good" : "neutral"}>
          {metadata.certification ?? "No certification stated"}
        </Badge>
      </div>
      {/* Paragraphs, not a list: it sits inside list items, whose count other code reads. */}
      {metadata.warnings.map((warning) => (
        <p key={warning.status} className="text-xs text-amber-900">
          {warning.words}.
        </p>
      ))}
    </div>
  );
}

/** Which FIDO metadata BLOB a page used, or that there is none. */
export function MetadataBlobNote({ blob }: { blob: MdsBlobLabel }) {
  return (
    <p className="text-xs text-slate-600">
      {blob
        ? `Authenticator details from ${blob.fromFido ? "FIDO Metadata Service" : "a test metadata service's"} BLOB no. ${blob.serial}, stored ${blob.storedAt.toISOString().slice(0, 10)}${
            blob.outOfDate ? `, out of date since ${blob.nextUpdate}` : `, next update due ${blob.nextUpdate}`
          }.`
        : "No FIDO Metadata Service BLOB is stored here: authenticators are named from the community AAGUID list, without icons or certification."}
    </p>
  );
}
