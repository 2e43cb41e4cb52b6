// Verifies an MDS3 metadata BLOB (FIDO Metadata Service 3.0 §3.2 "Metadata BLOB object processing rules"): a JWS
// whose x5c chain ends at the FIDO root, signature checked by `jose`, chain and CRLs by `@peculiar/x509`, then the
// payload's nextUpdate and serial number. Nothing here reads the network or the database: the caller gives the
// roots, the CRL sources, the clock and the serial number already stored.
// tsyringe, inside @peculiar/x509, needs the Reflect metadata polyfill loaded first (as SimpleWebAuthn does).
import "reflect-metadata";
import { BasicConstraintsExtension, X509Certificate } from "@peculiar/x509";
import { compactVerify, decodeProtectedHeader, importX509 } from "jose";
import { failForDevelopers, ok, type Result } from "@/lib/result";
import { blobPayloadSchema, type BlobPayload } from "./blob-schema";
import { checkRevocation, type RevocationSources } from "./check-revocation";

/** JWS algorithms a BLOB may use (FIDO MDS 3.0 §3.1.7: RS256 today; the others FIDO's test BLOBs use). */
const ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];

export type VerifyBlobOptions = {
  /** Trusted roots, PEM (the FIDO root, or a test root). */
  roots: string[];
  revocation: RevocationSources;
  now: Date;
  /**
   * The BLOB stored now, if any: a BLOB under the same root may never go below its serial number `no` (§3.2 step 5).
   * Numbers count per service, so a BLOB under another root (a test service's, FIDO's after a test) is not compared.
   */
  stored?: { serial: number; rootFingerprint: string };
};

/** `rootFingerprint`: SHA-256 (hex) of the root the chain ends at, so a test root's BLOB is never taken for FIDO's. */
export type VerifiedBlob = { payload: BlobPayload; signer: string; rootFingerprint: string };

const isCa = (certificate: X509Certificate) => certificate.getExtension(BasicConstraintsExtension)?.ca === true;

function within(certificate: X509Certificate, now: Date): boolean {
  return certificate.notBefore.getTime() <= now.getTime() && now.getTime() <= certificate.notAfter.getTime();
}

/** The chain from the signer to a trusted root (root last), or why there is none. */
async function buildChain(
  x5c: X509Certificate[],
  roots: X509Certificate[],
  now: Date,
): Promise<X509Certificate[] | string> {
  // A chain may carry its root; a root proves nothing by being sent, so only a configured one counts.
  const sent = x5c.filter((certificate) => !roots.some((root) => root.equal(certificate)));
  if (sent.length === 0) return "x5c holds only the root";
  for (const [index, certificate] of sent.entries()) {
    if (!within(certificate, now))
      return `x5c[${index}] (${certificate.subject}) is outside its validity ${certificate.notBefore.toISOString()} - ${certificate.notAfter.toISOString()}`;
    const issuer = sent[index + 1];
    if (!issuer) break;
    if (!isCa(issuer)) return `x5c[${index + 1}] issues x5c[${index}] but is not a CA certificate`;
    if (
      certificate.issuer !== issuer.subject ||
      !(await certificate.verify({ publicKey: issuer, signatureOnly: true }))
    )
      return `x5c[${index}] is not issued by x5c[${index + 1}]`;
  }
  const last = sent[sent.length - 1];
  for (const root of roots) {
    if (last.issuer !== root.subject) continue;
    if (!(await last.verify({ publicKey: root, signatureOnly: true }))) continue;
    if (!within(root, now)) return `the root ${root.subject} is outside its validity`;
    return [...sent, root];
  }
  return `x5c ends at ${last.issuer}, which is not a trusted root`;
}

function parseX5c(header: Record<string, unknown>): X509Certificate[] | null {
  const x5c = header.x5c;
  if (!Array.isArray(x5c) || x5c.length === 0 || !x5c.every((item) => typeof item === "string")) return null;
  try {
    return x5c.map((der: string) => new X509Certificate(Buffer.from(der, "base64")));
  } catch {
    return null;
  }
}

export async function verifyMdsBlob(jwt: string, options: VerifyBlobOptions): Promise<Result<VerifiedBlob>> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jwt.trim());
  } catch (error) {
    return failForDevelopers(
      "mds:malformed",
      "That is not an MDS3 metadata BLOB.",
      `not a JWS: ${(error as Error).message}`,
    );
  }
  // §3.2 step 2: the BLOB names its signing chain in x5u or x5c; the FIDO service uses x5c, and so do we alone.
  const x5c = parseX5c(header as Record<string, unknown>);
  if (!x5c)
    return failForDevelopers(
      "mds:malformed",
      "That is not an MDS3 metadata BLOB.",
      "its header has no readable x5c chain",
    );
  if (!header.alg || !ALGORITHMS.includes(header.alg))
    return failForDevelopers(
      "mds:bad-signature",
      "The metadata BLOB's signature does not verify.",
      `algorithm ${header.alg}`,
    );

  // §3.2 step 5: the signature, with the key of x5c[0].
  let payloadBytes: Uint8Array;
  try {
    const key = await importX509(x5c[0].toString("pem"), header.alg);
    ({ payload: payloadBytes } = await compactVerify(jwt.trim(), key, { algorithms: ALGORITHMS }));
  } catch (error) {
    return failForDevelopers(
      "mds:bad-signature",
      "The metadata BLOB's signature does not verify.",
      (error as Error).message,
    );
  }

  // §3.2 step 4: the chain to the FIDO root, then its revocation.
  const roots = options.roots.map((pem) => new X509Certificate(pem));
  const chain = await buildChain(x5c, roots, options.now);
  if (typeof chain === "string")
    return failForDevelopers(
      "mds:untrusted-chain",
      "The metadata BLOB is not signed by a certificate chain to the trusted root (FIDO's, or the one given with --root).",
      chain,
    );
  const revoked = await checkRevocation(chain, options.revocation, options.now);
  if (revoked) return revoked;

  let payload: BlobPayload;
  try {
    const parsed = blobPayloadSchema.safeParse(JSON.parse(new TextDecoder().decode(payloadBytes)));
    if (!parsed.success)
      throw new Error(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
    payload = parsed.data;
  } catch (error) {
    return failForDevelopers(
      "mds:malformed",
      "That is not an MDS3 metadata BLOB.",
      `payload: ${(error as Error).message}`,
    );
  }
  // nextUpdate is the date by which a newer BLOB is due; a BLOB past it is stale and not taken in.
  const today = options.now.toISOString().slice(0, 10);
  if (payload.nextUpdate < today)
    return failForDevelopers(
      "mds:expired",
      `The metadata BLOB no. ${payload.no} was due for replacement on ${payload.nextUpdate}.`,
      `nextUpdate ${payload.nextUpdate} < ${today}`,
    );
  const root = chain[chain.length - 1];
  const rootFingerprint = Buffer.from(await root.getThumbprint("SHA-256")).toString("hex");
  const stored = options.stored?.rootFingerprint === rootFingerprint ? options.stored.serial : undefined;
  if (stored !== undefined && payload.no < stored)
    return failForDevelopers(
      "mds:older-number",
      `The metadata BLOB no. ${payload.no} is older than the stored no. ${stored}.`,
      `no ${payload.no} < ${stored}`,
    );
  return ok({ payload, signer: x5c[0].subject, rootFingerprint });
}
