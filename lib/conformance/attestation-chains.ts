// Packed full attestations with chains the software authenticator does not make by itself (FIDO Resp-5): expired and
// not yet valid certificates, an expired or foreign intermediate, the root inside x5c, the wrong signing key.
import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { AAGUID_EXTENSION_OID, PACKED_ATTESTATION_SUBJECT } from "@/lib/authenticator/attestation/packed";
import { byteString } from "@/lib/authenticator/bytes";
import { createSigner, type Signer } from "@/lib/authenticator/cose";
import type { JsonObject } from "@/lib/authenticator/mutations/json";
import { rewriteRegistration } from "@/lib/authenticator/mutations/registration-rewrite";
import { attStmtOf, withEntry } from "@/lib/authenticator/mutations/wire";
import {
  certificateExtension,
  createCertificateAuthority,
  issueCertificate,
  testPki,
  type Issuer,
} from "@/lib/authenticator/test-ca";

const DAY = 24 * 60 * 60_000;

export type Validity = { notBefore: Date; notAfter: Date };

export const expiredValidity = (): Validity => ({
  notBefore: new Date(Date.now() - 730 * DAY),
  notAfter: new Date(Date.now() - 365 * DAY),
});
export const futureValidity = (): Validity => ({
  notBefore: new Date(Date.now() + 365 * DAY),
  notAfter: new Date(Date.now() + 730 * DAY),
});

/** A packed attestation certificate for the AAGUID with a fresh key, issued by `issuer` (the test intermediate by default). */
export function attestationCertificate(
  aaguid: Buffer,
  validity?: Validity,
  issuer: Issuer = testPki().intermediate,
): { signer: Signer; der: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const aaguidExtension = certificateExtension(
    AAGUID_EXTENSION_OID,
    AsnConvert.serialize(new OctetString(byteString(aaguid))),
  );
  const der = issueCertificate(issuer, {
    subject: PACKED_ATTESTATION_SUBJECT,
    publicKey,
    validity,
    extensions: [aaguidExtension],
  });
  return { signer: createSigner("ES256", privateKey), der };
}

/** An intermediate CA under the test root whose own certificate expired a year ago. */
export function expiredIntermediate(): { issuer: Issuer; der: Buffer } {
  const subject = { C: "US", O: "Passkey Lab", OU: "Conformance", CN: "Passkey Lab Expired Attestation CA" };
  const { root } = testPki();
  const ca = createCertificateAuthority(subject, root);
  return {
    issuer: ca,
    der: issueCertificate(root, {
      subject,
      publicKey: createPublicKey(ca.privateKey),
      isCa: true,
      validity: expiredValidity(),
    }),
  };
}

/** An intermediate CA under a root nobody trusts. */
export function foreignIntermediate(): Buffer {
  const root = createCertificateAuthority({ C: "US", O: "Elsewhere", CN: "Untrusted Root" });
  return createCertificateAuthority({ C: "US", O: "Elsewhere", CN: "Untrusted Attestation CA" }, root).certificateDer;
}

/** The packed registration with x5c replaced; with a signer, the statement is signed again by it. */
export function withChain(response: RegistrationResponseJSON, x5c: Buffer[], signer?: Signer): JsonObject {
  return rewriteRegistration(response, signer ? { attestationSigner: signer } : {}, {
    // An identity edit of authData makes the rewrite sign again, with `signer`.
    authData: signer ? (authData) => authData : undefined,
    attestationObject: (object) =>
      withEntry(object, "attStmt", withEntry(attStmtOf(object), "x5c", x5c.map(byteString))),
  });
}

/** The registration's packed statement signed again by another key, x5c unchanged. */
export function signedBy(response: RegistrationResponseJSON, signer: Signer): JsonObject {
  return rewriteRegistration(response, { attestationSigner: signer }, { authData: (authData) => authData });
}
