// Revocation of the certificates that sign the MDS3 BLOB, as the chain publishes it: each certificate's CRL
// distribution points (RFC 5280 §4.2.1.13), the CRL verified with its issuer's key and fresh (§5.1.2.5 nextUpdate).
// FIDO MDS 3.0 §3.2 step 4 asks for the chain to be checked "including revocation". A certificate that names a CRL we
// cannot get is treated as not checked, and the BLOB is refused (fail closed: docs/decisions/026).
// tsyringe, inside @peculiar/x509, needs the Reflect metadata polyfill loaded first (as SimpleWebAuthn does).
import "reflect-metadata";
import { CRLDistributionPointsExtension, X509Crl, type X509Certificate } from "@peculiar/x509";
import { failForDevelopers, type Failure } from "@/lib/result";

export type RevocationSources = {
  /** CRLs given ahead (`npm run mds:update -- --crl file`, tests), matched by issuer and signature. */
  crls: X509Crl[];
  /** Fetches a CRL's DER from a distribution point; absent offline. */
  fetchCrl?: (url: string) => Promise<ArrayBuffer>;
};

function crlUrls(certificate: X509Certificate): string[] {
  const extension = certificate.getExtension(CRLDistributionPointsExtension);
  return (extension?.distributionPoints ?? [])
    .flatMap((point) => point.distributionPoint?.fullName ?? [])
    .map((name) => name.uniformResourceIdentifier)
    .filter((uri): uri is string => typeof uri === "string" && /^https?:\/\//i.test(uri));
}

/** A CRL counts only when its issuer signed it and it is not past its own nextUpdate. */
async function usable(crl: X509Crl, issuer: X509Certificate, now: Date): Promise<boolean> {
  if (crl.issuer !== issuer.subject) return false;
  if (crl.nextUpdate && crl.nextUpdate.getTime() < now.getTime()) return false;
  return crl.verify({ publicKey: issuer });
}

async function findCrl(
  certificate: X509Certificate,
  issuer: X509Certificate,
  sources: RevocationSources,
  now: Date,
): Promise<X509Crl | string> {
  for (const crl of sources.crls) if (await usable(crl, issuer, now)) return crl;
  const urls = crlUrls(certificate);
  const tried: string[] = [];
  for (const url of urls) {
    if (!sources.fetchCrl) {
      tried.push(`${url} (not fetched: offline; give it with --crl)`);
      continue;
    }
    try {
      const crl = new X509Crl(await sources.fetchCrl(url));
      if (await usable(crl, issuer, now)) return crl;
      tried.push(`${url} (not signed by ${issuer.subject}, or past its nextUpdate)`);
    } catch (error) {
      tried.push(`${url} (${(error as Error).message})`);
    }
  }
  return tried.join("; ");
}

/**
 * null when no certificate of the chain (signer first, the trusted root last) is revoked, else why the BLOB is refused.
 * The root is the trust anchor and is not checked against a CRL (RFC 5280 §6.1).
 */
export async function checkRevocation(
  chain: X509Certificate[],
  sources: RevocationSources,
  now: Date,
): Promise<Failure | null> {
  for (let index = 0; index < chain.length - 1; index++) {
    const certificate = chain[index];
    const issuer = chain[index + 1];
    if (crlUrls(certificate).length === 0) continue;
    const crl = await findCrl(certificate, issuer, sources, now);
    if (typeof crl === "string")
      return failForDevelopers("mds:crl-unavailable", `No usable CRL for ${certificate.subject}: ${crl}`, crl);
    const revoked = crl.findRevoked(certificate);
    if (revoked) {
      const detail = `${certificate.subject} (serial ${certificate.serialNumber}) revoked on ${revoked.revocationDate.toISOString()}`;
      return failForDevelopers("mds:revoked-certificate", `The metadata BLOB's certificate ${detail}.`, detail);
    }
  }
  return null;
}
