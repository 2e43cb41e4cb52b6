// A throw-away certificate authority generated at runtime, so attestation chains are real X.509 and a server under test
// can be told to trust exactly this root (and nothing it would trust in production). Certificates are built with
// @peculiar/asn1-x509 and signed with node:crypto, synchronously, so register() can stay synchronous even for
// formats that need a certificate per credential (apple).
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  Extension,
  Extensions,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  Name,
  RelativeDistinguishedName,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
} from "@peculiar/asn1-x509";

const ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
const NAME_OIDS = { C: "2.5.4.6", O: "2.5.4.10", OU: "2.5.4.11", CN: "2.5.4.3" } as const;
const DAY = 24 * 60 * 60 * 1000;

/** Every attribute is optional: an AIK certificate's subject is empty (WebAuthn L3 §8.3.1). */
export type DistinguishedName = { C?: string; O?: string; OU?: string; CN?: string };

/** Who signs a certificate: its name, key and key identifier (for the authorityKeyIdentifier). */
export type Issuer = { name: Name; privateKey: KeyObject; keyId: Buffer };

export type CertificateAuthority = Issuer & { certificateDer: Buffer };

export type CertificateRequest = {
  subject: DistinguishedName;
  publicKey: KeyObject;
  /** Issue a CA certificate (basicConstraints CA:true, keyCertSign) instead of an end-entity one. */
  isCa?: boolean;
  /** Extra extensions, e.g. the FIDO AAGUID or the Apple nonce. */
  extensions?: Extension[];
  /** Defaults to yesterday until a year from now. */
  validity?: { notBefore: Date; notAfter: Date };
};

function encodeName(subject: DistinguishedName): Name {
  const rdns = (Object.keys(NAME_OIDS) as (keyof typeof NAME_OIDS)[])
    .filter((key) => subject[key] !== undefined)
    .map((key) => {
      const text = subject[key] ?? "";
      // countryName is a PrintableString (RFC 5280 Appendix A); the rest are UTF8String.
      const value =
        key === "C" ? new AttributeValue({ printableString: text }) : new AttributeValue({ utf8String: text });
      return new RelativeDistinguishedName([new AttributeTypeAndValue({ type: NAME_OIDS[key], value })]);
    });
  return new Name(rdns);
}

function toArrayBuffer(data: Uint8Array): ArrayBuffer {
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

/** An X.509 extension whose extnValue is the given DER. */
export function certificateExtension(oid: string, der: ArrayBuffer | Uint8Array, critical = false): Extension {
  const value = der instanceof Uint8Array ? toArrayBuffer(der) : der;
  return new Extension({ extnID: oid, critical, extnValue: new OctetString(value) });
}

function spkiOf(publicKey: KeyObject): SubjectPublicKeyInfo {
  return AsnConvert.parse(publicKey.export({ type: "spki", format: "der" }), SubjectPublicKeyInfo);
}

/** Key identifier method 1 of RFC 5280 §4.2.1.2: SHA-1 of the subjectPublicKey bits. */
function keyIdentifier(spki: SubjectPublicKeyInfo): Buffer {
  return createHash("sha1").update(Buffer.from(spki.subjectPublicKey)).digest();
}

function serialNumber(): ArrayBuffer {
  const serial = randomBytes(16);
  serial[0] &= 0x7f; // positive INTEGER
  serial[0] |= 0x01; // and no leading zero byte to strip
  return toArrayBuffer(serial);
}

/** Issues a version 3 certificate signed by `issuer` (ECDSA P-256 with SHA-256); returns its DER. */
export function issueCertificate(issuer: Issuer, request: CertificateRequest): Buffer {
  const spki = spkiOf(request.publicKey);
  const now = Date.now();
  const validity = request.validity ?? { notBefore: new Date(now - DAY), notAfter: new Date(now + 365 * DAY) };
  const usage = request.isCa ? KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign : KeyUsageFlags.digitalSignature;
  const extensions = new Extensions([
    certificateExtension("2.5.29.19", AsnConvert.serialize(new BasicConstraints({ cA: Boolean(request.isCa) })), true),
    certificateExtension("2.5.29.15", AsnConvert.serialize(new KeyUsage(usage)), true),
    certificateExtension(
      "2.5.29.14",
      AsnConvert.serialize(new SubjectKeyIdentifier(toArrayBuffer(keyIdentifier(spki)))),
    ),
    certificateExtension(
      "2.5.29.35",
      AsnConvert.serialize(
        new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(toArrayBuffer(issuer.keyId)) }),
      ),
    ),
    ...(request.extensions ?? []),
  ]);
  const signatureAlgorithm = new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 });
  const tbsCertificate = new TBSCertificate({
    version: Version.v3,
    serialNumber: serialNumber(),
    signature: signatureAlgorithm,
    issuer: issuer.name,
    validity: new Validity(validity),
    subject: encodeName(request.subject),
    subjectPublicKeyInfo: spki,
    extensions,
  });
  const tbsDer = Buffer.from(AsnConvert.serialize(tbsCertificate));
  const signature = sign("sha256", tbsDer, { key: issuer.privateKey, dsaEncoding: "der" });
  const certificate = new Certificate({ tbsCertificate, signatureAlgorithm, signatureValue: toArrayBuffer(signature) });
  return Buffer.from(AsnConvert.serialize(certificate));
}

/**
 * A new P-256 CA, valid from yesterday for ten years: a root when no issuer is given, else an intermediate (with
 * `extensions`, e.g. the CRL distribution point of the suite's MDS3 chains).
 */
export function createCertificateAuthority(
  subject: DistinguishedName,
  issuer?: Issuer,
  extensions?: Extension[],
): CertificateAuthority {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const self: Issuer = { name: encodeName(subject), privateKey, keyId: keyIdentifier(spkiOf(publicKey)) };
  const now = Date.now();
  const validity = { notBefore: new Date(now - DAY), notAfter: new Date(now + 3650 * DAY) };
  const request = { subject, publicKey, isCa: true, validity, extensions };
  return { ...self, certificateDer: issueCertificate(issuer ?? self, request) };
}

export type TestPki = { root: CertificateAuthority; intermediate: CertificateAuthority };

let pki: TestPki | undefined;

/**
 * The process-wide test PKI: a root, and an intermediate under it that issues packed and apple attestation
 * certificates (x5c = [leaf, intermediate]); fido-u2f certificates come straight from the root (x5c has one element).
 */
export function testPki(): TestPki {
  if (!pki) {
    const root = createCertificateAuthority({
      C: "US",
      O: "Passkey Lab",
      OU: "Conformance",
      CN: "Passkey Lab Test Root CA",
    });
    const intermediate = createCertificateAuthority(
      { C: "US", O: "Passkey Lab", OU: "Conformance", CN: "Passkey Lab Test Attestation CA" },
      root,
    );
    pki = { root, intermediate };
  }
  return pki;
}

/** The test root as DER, e.g. for SettingsService.setRootCertificates() or a metadata statement. */
export function testCaRootDer(): Buffer {
  return Buffer.from(testPki().root.certificateDer);
}

/** The test root as PEM. */
export function testCaRootPem(): string {
  return toPem(testPki().root.certificateDer);
}

export function toPem(der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}
