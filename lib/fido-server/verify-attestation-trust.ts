// Whether an attestation certificate chain ends at a root the conformance relying party trusts. SimpleWebAuthn skips
// path validation for packed, fido-u2f and tpm when no root is registered for the format, and we register none in
// its process-wide settings (docs/decisions/006), so this check is ours (security bar A15).
import { createHash, X509Certificate } from "node:crypto";
import { AsnConvert } from "@peculiar/asn1-schema";
import { SubjectPublicKeyInfo } from "@peculiar/asn1-x509";
import type { AttestationFacts } from "@/lib/webauthn/verification-terms";
import type { MetadataEntry, TrustStore } from "./load-trust-store";

/** Formats SimpleWebAuthn chains to its own built-in roots (Apple's, Google's): their verdict stands. */
const ROOTED_BY_SIMPLEWEBAUTHN = new Set(["apple", "android-key", "android-safetynet"]);
const ZERO_AAGUID = "00000000-0000-0000-0000-000000000000";

/** Key identifier of RFC 5280 §4.2.1.2 method 1, as metadata lists U2F attestation keys (hex). */
function keyIdentifier(certificate: X509Certificate): string {
  const spki = certificate.publicKey.export({ type: "spki", format: "der" });
  const { subjectPublicKey } = AsnConvert.parse(spki, SubjectPublicKeyInfo);
  return createHash("sha1").update(Buffer.from(subjectPublicKey)).digest("hex");
}

function withinValidity(certificate: X509Certificate, now: Date): boolean {
  return Date.parse(certificate.validFrom) <= now.getTime() && now.getTime() <= Date.parse(certificate.validTo);
}

/** A certificate's subject for a message; TPM attestation certificates have an empty one (TPM 2.0 profile). */
const named = (certificate: X509Certificate) => (certificate.subject ?? "").replace(/\n/g, ", ") || "no subject";

const issuedBy = (subject: X509Certificate, issuer: X509Certificate) =>
  subject.checkIssued(issuer) && subject.verify(issuer.publicKey);

function chainProblem(chain: X509Certificate[], anchors: X509Certificate[], now: Date): string | null {
  for (const [index, certificate] of chain.entries()) {
    if (!withinValidity(certificate, now)) {
      return `x5c[${index}] (${named(certificate)}) is outside its validity period ${certificate.validFrom} - ${certificate.validTo}`;
    }
    // A root is a trust anchor configured on the server; one sent inside x5c proves nothing (FIDO Resp-5 F-10).
    if (issuedBy(certificate, certificate))
      return `x5c[${index}] is a self-signed root certificate; x5c must stop below the root`;
    if (index > 0 && !certificate.ca) return `x5c[${index}] issues x5c[${index - 1}] but is not a CA certificate`;
    const next = chain[index + 1];
    // x5c lists the attestation certificate first, then each issuer in order (WebAuthn L3 §8.2).
    if (next && !issuedBy(certificate, next))
      return `x5c[${index}] is not issued by x5c[${index + 1}] (wrong order or a broken chain)`;
  }
  if (anchors.length === 0) return "no attestation root is trusted here (set FIDO_METADATA_DIR or FIDO_TRUST_TEST_CA)";
  const last = chain[chain.length - 1];
  const anchor = anchors.find((root) => issuedBy(last, root));
  if (!anchor) return `x5c does not chain to any of the ${anchors.length} trusted attestation roots`;
  if (!withinValidity(anchor, now)) return `the attestation root ${named(anchor)} is outside its validity period`;
  return null;
}

/** null when the attestation is trusted (or carries no chain: self and none), else the reason it is not. */
export function verifyAttestationTrust(facts: AttestationFacts, store: TrustStore, now = new Date()): string | null {
  let chain: X509Certificate[];
  try {
    chain = facts.x5c.map((der) => new X509Certificate(der));
  } catch (error) {
    return `x5c holds something that is not an X.509 certificate (${(error as Error).message})`;
  }
  const leafKeyId = chain[0] ? keyIdentifier(chain[0]) : undefined;
  const aaguid = facts.aaguid.toLowerCase();
  const matches = (entry: MetadataEntry) =>
    (aaguid !== ZERO_AAGUID && entry.aaguid === aaguid) ||
    (leafKeyId !== undefined && entry.keyIdentifiers.includes(leafKeyId));
  const described = store.entries.filter(matches);
  const compromised = described.find((entry) => entry.compromised);
  if (compromised)
    return `the metadata for this authenticator reports ${compromised.compromised} (${compromised.source})`;
  if (chain.length === 0 || ROOTED_BY_SIMPLEWEBAUTHN.has(facts.fmt)) return null;
  // An authenticator the metadata describes must chain to its own roots; any other to any trusted root.
  const ownRoots = described.flatMap((entry) => entry.roots);
  return chainProblem(chain, ownRoots.length > 0 ? ownRoots : store.anchors, now);
}
