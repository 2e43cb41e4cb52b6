// Test-only: gives a captured tpm attestation object a new AIK certificate for the same AIK public key, so a test can
// choose what the certificate says (e.g. a TPM manufacturer that no vendor list names). The statement's sig over
// certInfo was made by the AIK's private key, which no test holds, and it still verifies: sig, certInfo, pubArea and the
// AIK public key are untouched; only the certificate around that key, and the CA that issued it, are new.
import { X509Certificate } from "node:crypto";
import { decodeCBOR, encodeCBOR, type CBORType } from "@levischuck/tiny-cbor";
import { AsnConvert } from "@peculiar/asn1-schema";
import {
  AttributeTypeAndValue,
  AttributeValue,
  ExtendedKeyUsage,
  GeneralName,
  Name,
  RelativeDistinguishedName,
  SubjectAlternativeName,
} from "@peculiar/asn1-x509";
import {
  certificateExtension,
  createCertificateAuthority,
  issueCertificate,
  type CertificateAuthority,
} from "../test-ca";

/** What the AIK certificate's subjectAltName says about the TPM, e.g. { manufacturer: "id:FFFFF1D0", … }. */
export type TpmDevice = { manufacturer: string; model: string; version: string };

// TCG EK Credential Profile for TPM 2.0 §3.2.9: tcg-at-tpmManufacturer, tcg-at-tpmModel, tcg-at-tpmVersion.
const TCG_AT_TPM = { manufacturer: "2.23.133.2.1", model: "2.23.133.2.2", version: "2.23.133.2.3" } as const;
const TCG_KP_AIK_CERTIFICATE = "2.23.133.8.3";
const SUBJECT_ALT_NAME = "2.5.29.17";
const EXT_KEY_USAGE = "2.5.29.37";

/** The TPM device as a directoryName, one attribute per RDN as the TCG profile lays it out. */
function tpmSubjectAltName(device: TpmDevice): SubjectAlternativeName {
  const rdns = (Object.keys(TCG_AT_TPM) as (keyof TpmDevice)[]).map(
    (key) =>
      new RelativeDistinguishedName([
        new AttributeTypeAndValue({ type: TCG_AT_TPM[key], value: new AttributeValue({ utf8String: device[key] }) }),
      ]),
  );
  return new SubjectAlternativeName([new GeneralName({ directoryName: new Name(rdns) })]);
}

/**
 * Replaces attStmt.x5c with [new AIK certificate, its issuing intermediate CA] and returns the new attestation object
 * (base64url) and the root above that intermediate (which nothing trusts unless a test says so). The certificate meets
 * WebAuthn L3 §8.3.1: version 3, empty subject, subjectAltName naming the TPM (critical, as the subject is empty),
 * extended key usage tcg-kp-AIKCertificate, basic constraints CA false.
 */
export function reissueTpmAikCertificate(
  attestationObject: string,
  device: TpmDevice,
): { attestationObject: string; root: CertificateAuthority } {
  const object = decodeCBOR(new Uint8Array(Buffer.from(attestationObject, "base64url"))) as Map<string, CBORType>;
  const attStmt = object.get("attStmt") as Map<string, CBORType>;
  const [capturedAik] = attStmt.get("x5c") as Uint8Array[];
  const root = createCertificateAuthority({
    C: "US",
    O: "Passkey Lab",
    OU: "Inspector",
    CN: "Passkey Lab Made-up TPM Root CA",
  });
  const intermediate = createCertificateAuthority(
    { C: "US", O: "Passkey Lab", OU: "Inspector", CN: "Passkey Lab Made-up TPM AIK CA" },
    root,
  );
  const aik = issueCertificate(intermediate, {
    // An AIK certificate's subject is empty (§8.3.1).
    subject: {},
    publicKey: new X509Certificate(capturedAik).publicKey,
    extensions: [
      certificateExtension(SUBJECT_ALT_NAME, AsnConvert.serialize(tpmSubjectAltName(device)), true),
      certificateExtension(EXT_KEY_USAGE, AsnConvert.serialize(new ExtendedKeyUsage([TCG_KP_AIK_CERTIFICATE]))),
    ],
  });
  attStmt.set("x5c", [new Uint8Array(aik), new Uint8Array(intermediate.certificateDer)]);
  return { attestationObject: Buffer.from(encodeCBOR(object)).toString("base64url"), root };
}
