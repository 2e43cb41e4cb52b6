// MDS3 BLOBs made on the spot, signed by a root generated here (never FIDO's), with CRLs the tests choose: the
// fixtures of verify-blob.test.ts, the e2e specs and the suite's Server-MDS3 cases. Certificates and CRLs come from
// @peculiar/x509, the JWS from jose.
// tsyringe, inside @peculiar/x509, needs the Reflect metadata polyfill loaded first (as SimpleWebAuthn does).
import "reflect-metadata";
import {
  BasicConstraintsExtension,
  CRLDistributionPointsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  X509Certificate,
  X509CertificateGenerator,
  X509Crl,
  X509CrlGenerator,
} from "@peculiar/x509";
import { CompactSign } from "jose";

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const DAY = 24 * 60 * 60 * 1000;

type Authority = { certificate: X509Certificate; keys: CryptoKeyPair };

export type TestMdsPki = {
  root: Authority;
  intermediate: Authority;
  signer: Authority;
  /** Where the signer's and the intermediate's CRLs are published (never fetched: the tests hand them over). */
  crlUrl: string;
};

let serial = 1;
const nextSerial = () => (serial++).toString(16).padStart(2, "0");

async function keys(): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
}

async function issue(name: string, issuer: Authority | null, isCa: boolean, crlUrl?: string): Promise<Authority> {
  const own = await keys();
  const now = Date.now();
  const extensions = [
    new BasicConstraintsExtension(isCa, undefined, true),
    new KeyUsagesExtension(
      isCa ? KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign : KeyUsageFlags.digitalSignature,
      true,
    ),
    ...(crlUrl ? [new CRLDistributionPointsExtension([crlUrl])] : []),
  ];
  const common = {
    serialNumber: nextSerial(),
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 365 * DAY),
    signingAlgorithm: ALGORITHM,
    extensions,
  };
  const certificate = issuer
    ? await X509CertificateGenerator.create({
        ...common,
        subject: `CN=${name}`,
        issuer: issuer.certificate.subject,
        publicKey: own.publicKey,
        signingKey: issuer.keys.privateKey,
      })
    : await X509CertificateGenerator.createSelfSigned({ ...common, name: `CN=${name}`, keys: own });
  return { certificate, keys: own };
}

/** A root, an intermediate CA and a BLOB signer; both non-root certificates name `crlUrl` as their CRL. */
export async function makeTestMdsPki(label = "Passkey Lab test MDS"): Promise<TestMdsPki> {
  const crlUrl = `http://crl.${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.test/ca.crl`;
  const root = await issue(`${label} Root`, null, true);
  const intermediate = await issue(`${label} CA`, root, true, crlUrl);
  const signer = await issue(`${label} BLOB signer`, intermediate, false, crlUrl);
  return { root, intermediate, signer, crlUrl };
}

/** A CRL issued by `issuer`, revoking the given certificates. */
export async function makeCrl(
  issuer: Authority,
  revoked: X509Certificate[] = [],
  nextUpdateInDays = 7,
): Promise<X509Crl> {
  return X509CrlGenerator.create({
    issuer: issuer.certificate.subject,
    thisUpdate: new Date(Date.now() - DAY),
    nextUpdate: new Date(Date.now() + nextUpdateInDays * DAY),
    signingAlgorithm: ALGORITHM,
    signingKey: issuer.keys.privateKey,
    entries: revoked.map((certificate) => ({ serialNumber: certificate.serialNumber, revocationDate: new Date() })),
  });
}

/** The CRLs a clean chain needs: one from the root (for the intermediate), one from the intermediate (the signer). */
export async function cleanCrls(pki: TestMdsPki): Promise<X509Crl[]> {
  return [await makeCrl(pki.root), await makeCrl(pki.intermediate)];
}

const base64 = (certificate: X509Certificate) => Buffer.from(certificate.rawData).toString("base64");

/** Signs `payload` as a BLOB with x5c [signer, intermediate]. */
export async function signTestBlob(pki: TestMdsPki, payload: unknown): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({
      alg: "ES256",
      typ: "JWT",
      x5c: [base64(pki.signer.certificate), base64(pki.intermediate.certificate)],
    })
    .sign(pki.signer.keys.privateKey);
}

/** A date `days` from today, as MDS writes nextUpdate. */
export function mdsDate(days: number, now = Date.now()): string {
  return new Date(now + days * DAY).toISOString().slice(0, 10);
}
