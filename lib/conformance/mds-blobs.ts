// The suite's own MDS3 test metadata service, the way the FIDO tools serve theirs for the Server-MDS3 tests: a root
// made per run, a valid BLOB (the suite's model certified, four models with the statuses FIDO's tests use), and four
// BLOBs a server must refuse (bad signature, a chain to another root, a revoked intermediate, a revoked signer), with
// the CRLs their chains name. Certificates and CRLs by @peculiar/asn1-x509 and node:crypto (lib/authenticator/test-ca),
// the JWS by jose.
import { randomBytes, sign, type KeyObject } from "node:crypto";
import { AsnConvert } from "@peculiar/asn1-schema";
import {
  AlgorithmIdentifier,
  Certificate,
  CertificateList,
  CRLDistributionPoints,
  DistributionPoint,
  DistributionPointName,
  GeneralName,
  RevokedCertificate,
  TBSCertList,
  Time,
  Version,
} from "@peculiar/asn1-x509";
import { CompactSign } from "jose";
import { generateKeyPairSync } from "node:crypto";
import { testCaRootDer } from "@/lib/authenticator";
import {
  certificateExtension,
  createCertificateAuthority,
  issueCertificate,
  toPem,
  type CertificateAuthority,
} from "@/lib/authenticator/test-ca";

/** The models the BLOBs describe, by what the Server-MDS3 case expects of them (AAGUIDs spell "PasskeyLabMDS3…"). */
export const MDS_MODELS = {
  certified: "50617373-6b65-794c-6162-4d4453332d50",
  userVerificationBypass: "50617373-6b65-794c-6162-4d4453332d31",
  attestationKeyCompromise: "50617373-6b65-794c-6162-4d4453332d32",
  userKeyRemoteCompromise: "50617373-6b65-794c-6162-4d4453332d33",
  userKeyPhysicalCompromise: "50617373-6b65-794c-6162-4d4453332d34",
  badSignature: "50617373-6b65-794c-6162-4d4453332d35",
  badChain: "50617373-6b65-794c-6162-4d4453332d36",
  revokedIntermediate: "50617373-6b65-794c-6162-4d4453332d37",
  revokedSigner: "50617373-6b65-794c-6162-4d4453332d38",
} as const;

export type SuiteMdsFiles = {
  /** The root every BLOB but bad-chain is signed under, PEM: what a target must trust for these BLOBs. */
  rootPem: string;
  /** BLOBs by name: valid, bad-signature, bad-chain, revoked-intermediate, revoked-signer. */
  blobs: Record<string, string>;
  /** CRLs (DER) by file name, served at `<base>/crl/<name>`. */
  crls: Record<string, Buffer>;
};

const ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
const DAY = 24 * 60 * 60 * 1000;

const crlPoint = (url: string) =>
  certificateExtension(
    "2.5.29.31",
    AsnConvert.serialize(
      new CRLDistributionPoints([
        new DistributionPoint({
          distributionPoint: new DistributionPointName({
            fullName: [new GeneralName({ uniformResourceIdentifier: url })],
          }),
        }),
      ]),
    ),
  );

const serialOf = (der: Buffer) => AsnConvert.parse(der, Certificate).tbsCertificate.serialNumber;

/** A CRL signed by `issuer`, valid a week, revoking `revoked` (certificates, DER). */
function makeCrl(issuer: CertificateAuthority, revoked: Buffer[]): Buffer {
  const signature = new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 });
  const now = Date.now();
  const tbs = new TBSCertList({
    version: Version.v2,
    signature,
    issuer: AsnConvert.parse(issuer.certificateDer, Certificate).tbsCertificate.subject,
    thisUpdate: new Time(new Date(now - DAY)),
    nextUpdate: new Time(new Date(now + 7 * DAY)),
    revokedCertificates: revoked.length
      ? revoked.map(
          (der) =>
            new RevokedCertificate({ userCertificate: serialOf(der), revocationDate: new Time(new Date(now - DAY)) }),
        )
      : undefined,
  });
  const tbsDer = Buffer.from(AsnConvert.serialize(tbs));
  const value = sign("sha256", tbsDer, { key: issuer.privateKey, dsaEncoding: "der" });
  const list = new CertificateList({
    tbsCertList: tbs,
    signatureAlgorithm: signature,
    signature: new Uint8Array(value).buffer,
  });
  return Buffer.from(AsnConvert.serialize(list));
}

/** A BLOB signer under `ca`, its certificate naming `crlUrl`. */
function makeSigner(ca: CertificateAuthority, name: string, crlUrl: string): { der: Buffer; key: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const der = issueCertificate(ca, {
    subject: { O: "Passkey Lab", CN: name },
    publicKey,
    extensions: [crlPoint(crlUrl)],
  });
  return { der, key: privateKey };
}

function entry(aaguid: string, description: string, statuses: string[]) {
  const today = new Date().toISOString().slice(0, 10);
  return {
    aaguid,
    metadataStatement: {
      aaguid,
      description,
      protocolFamily: "fido2",
      schema: 3,
      attestationTypes: ["basic_full"],
      // The software authenticator's attestation root of this process: what a target then trusts for these models.
      attestationRootCertificates: [testCaRootDer().toString("base64")],
    },
    statusReports: statuses.map((status) => ({ status, effectiveDate: today })),
    timeOfLastStatusChange: today,
  };
}

async function signBlob(signer: { key: KeyObject }, x5c: Buffer[], entries: object[]): Promise<string> {
  const payload = {
    legalHeader: "Passkey Lab conformance suite test metadata: one run's throwaway root; never trust it in production.",
    // Seconds since the epoch: each run's number is above the last, whatever a target kept.
    no: Math.floor(Date.now() / 1000),
    nextUpdate: new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10),
    entries,
  };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: "ES256", typ: "JWT", x5c: x5c.map((der) => der.toString("base64")) })
    .sign(signer.key);
}

/** Makes a run's root, chains, CRLs and BLOBs; the CRLs' URLs start with `baseUrl` (where the service listens). */
export async function makeSuiteMdsFiles(baseUrl: string): Promise<SuiteMdsFiles> {
  const crlUrl = (name: string) => `${baseUrl}/crl/${name}`;
  const subject = (cn: string) => ({ O: "Passkey Lab", OU: `MDS3 ${randomBytes(4).toString("hex")}`, CN: cn });
  const root = createCertificateAuthority(subject("Passkey Lab Test MDS3 Root"));
  const ca = createCertificateAuthority(subject("Passkey Lab Test MDS3 CA"), root, [crlPoint(crlUrl("root.crl"))]);
  const revokedCa = createCertificateAuthority(subject("Passkey Lab Test MDS3 revoked CA"), root, [
    crlPoint(crlUrl("root.crl")),
  ]);
  const otherRoot = createCertificateAuthority(subject("Passkey Lab Test MDS3 other root"));

  const signer = makeSigner(ca, "BLOB signer", crlUrl("ca.crl"));
  const revokedSigner = makeSigner(ca, "revoked BLOB signer", crlUrl("ca.crl"));
  const underRevokedCa = makeSigner(revokedCa, "BLOB signer under a revoked CA", crlUrl("revoked-ca.crl"));
  const foreign = makeSigner(otherRoot, "BLOB signer under another root", crlUrl("other-root.crl"));
  const chain = [signer.der, ca.certificateDer];

  const compromised = (aaguid: string, status: string) =>
    entry(aaguid, `Passkey Lab MDS3 test model, ${status}`, ["FIDO_CERTIFIED_L1", status]);
  const valid = await signBlob(signer, chain, [
    entry(MDS_MODELS.certified, "Passkey Lab MDS3 test model, certified", ["FIDO_CERTIFIED_L1"]),
    compromised(MDS_MODELS.userVerificationBypass, "USER_VERIFICATION_BYPASS"),
    compromised(MDS_MODELS.attestationKeyCompromise, "ATTESTATION_KEY_COMPROMISE"),
    compromised(MDS_MODELS.userKeyRemoteCompromise, "USER_KEY_REMOTE_COMPROMISE"),
    compromised(MDS_MODELS.userKeyPhysicalCompromise, "USER_KEY_PHYSICAL_COMPROMISE"),
  ]);
  /** A BLOB listing one certified model, signed by `by` with chain `x5c`. */
  const blobOf = (by: { key: KeyObject }, x5c: Buffer[], aaguid: string) =>
    signBlob(by, x5c, [entry(aaguid, "Passkey Lab MDS3 test model in a BLOB to refuse", ["FIDO_CERTIFIED_L1"])]);
  const [header, payload, signature] = (await blobOf(signer, chain, MDS_MODELS.badSignature)).split(".");
  // The last signature byte flipped: the same BLOB, a signature that does not verify.
  const broken = Buffer.from(signature, "base64url");
  broken[broken.length - 1] ^= 0x01;
  return {
    rootPem: toPem(root.certificateDer),
    blobs: {
      valid,
      "bad-signature": `${header}.${payload}.${broken.toString("base64url")}`,
      "bad-chain": await blobOf(foreign, [foreign.der], MDS_MODELS.badChain),
      "revoked-intermediate": await blobOf(
        underRevokedCa,
        [underRevokedCa.der, revokedCa.certificateDer],
        MDS_MODELS.revokedIntermediate,
      ),
      "revoked-signer": await blobOf(revokedSigner, [revokedSigner.der, ca.certificateDer], MDS_MODELS.revokedSigner),
    },
    crls: {
      "root.crl": makeCrl(root, [revokedCa.certificateDer]),
      "ca.crl": makeCrl(ca, [revokedSigner.der]),
      "revoked-ca.crl": makeCrl(revokedCa, []),
      "other-root.crl": makeCrl(otherRoot, []),
    },
  };
}
