// An X.509 certificate from x5c, described: subject, issuer, validity, CA or not, and every extension. node:crypto
// reads names and dates; @peculiar/asn1-x509 lists the extensions (node does not expose them), as in decision 005.
import { X509Certificate } from "node:crypto";
import { AsnConvert } from "@peculiar/asn1-schema";
import { Certificate } from "@peculiar/asn1-x509";

const EXTENSION_NAMES: Record<string, string> = {
  "2.5.29.14": "subjectKeyIdentifier",
  "2.5.29.15": "keyUsage",
  "2.5.29.17": "subjectAltName",
  "2.5.29.19": "basicConstraints",
  "2.5.29.31": "cRLDistributionPoints",
  "2.5.29.32": "certificatePolicies",
  "2.5.29.35": "authorityKeyIdentifier",
  "2.5.29.37": "extKeyUsage",
  "1.3.6.1.5.5.7.1.1": "authorityInfoAccess",
  "1.3.6.1.4.1.45724.1.1.4": "id-fido-gen-ce-aaguid (FIDO AAGUID)",
  "1.3.6.1.4.1.45724.2.1.1": "id-fido-u2f-ce-transports (FIDO transports)",
  "1.3.6.1.4.1.41482.2": "Yubico device id",
  "1.3.6.1.4.1.11129.2.1.17": "Android key attestation (KeyDescription)",
  "1.2.840.113635.100.8.2": "Apple anonymous attestation nonce",
};

const SIGNATURE_ALGORITHMS: Record<string, string> = {
  "1.2.840.10045.4.3.2": "ecdsa-with-SHA256",
  "1.2.840.10045.4.3.3": "ecdsa-with-SHA384",
  "1.2.840.10045.4.3.4": "ecdsa-with-SHA512",
  "1.2.840.113549.1.1.5": "sha1WithRSAEncryption",
  "1.2.840.113549.1.1.11": "sha256WithRSAEncryption",
  "1.2.840.113549.1.1.12": "sha384WithRSAEncryption",
  "1.2.840.113549.1.1.13": "sha512WithRSAEncryption",
  "1.2.840.113549.1.1.10": "RSASSA-PSS",
  "1.3.101.112": "Ed25519",
  "1.3.101.113": "Ed448",
};

export type DescribedCertificate = {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  isCA: boolean;
  selfSigned: boolean;
  signatureAlgorithm: string;
  publicKeyType: string;
  sha256Fingerprint: string;
  extensions: { oid: string; name: string; critical: boolean; value: string }[];
};

const oneLine = (name: string | undefined) => (name ?? "").split("\n").filter(Boolean).join(", ") || "(empty)";

export function describeCertificate(
  der: Uint8Array,
): { ok: true; certificate: X509Certificate; description: DescribedCertificate } | { ok: false; problem: string } {
  try {
    const certificate = new X509Certificate(der);
    const parsed = AsnConvert.parse(der, Certificate);
    const signatureOid = parsed.signatureAlgorithm.algorithm;
    return {
      ok: true,
      certificate,
      description: {
        subject: oneLine(certificate.subject),
        issuer: oneLine(certificate.issuer),
        serialNumber: certificate.serialNumber,
        notBefore: new Date(certificate.validFrom).toISOString(),
        notAfter: new Date(certificate.validTo).toISOString(),
        isCA: certificate.ca,
        selfSigned: certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey),
        signatureAlgorithm: SIGNATURE_ALGORITHMS[signatureOid] ?? signatureOid,
        publicKeyType: certificate.publicKey.asymmetricKeyType ?? "unknown",
        sha256Fingerprint: certificate.fingerprint256,
        extensions: (parsed.tbsCertificate.extensions ?? []).map((extension) => ({
          oid: extension.extnID,
          name: EXTENSION_NAMES[extension.extnID] ?? "unrecognised",
          critical: extension.critical,
          value: Buffer.from(extension.extnValue.buffer).toString("hex"),
        })),
      },
    };
  } catch (error) {
    // Includes a certificate that parses but whose public key does not (node reads it lazily).
    return { ok: false, problem: `not a usable X.509 certificate (${(error as Error).message.split("\n")[0]})` };
  }
}

/** The raw value (DER inside the OCTET STRING) of an extension, if the certificate has it. */
export function certificateExtension(der: Uint8Array, oid: string): Buffer | undefined {
  const parsed = AsnConvert.parse(der, Certificate);
  const extension = parsed.tbsCertificate.extensions?.find((item) => item.extnID === oid);
  return extension ? Buffer.from(extension.extnValue.buffer) : undefined;
}
