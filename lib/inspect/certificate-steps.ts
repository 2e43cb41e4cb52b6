// Attestation certificates judged as of `now` (so a capture from years ago can be judged as of its day), and whether
// the chain ends at a root this server trusts. Trust reuses the conformance relying party's check (decision 006):
// FIDO metadata roots for packed, fido-u2f and tpm, and SimpleWebAuthn's built-in Apple and Google roots, read, never
// changed, for apple and android-key.
import { X509Certificate } from "node:crypto";
import { SettingsService } from "@simplewebauthn/server";
import { loadTrustStore, type TrustStore } from "@/lib/fido-server/load-trust-store";
import { verifyAttestationTrust } from "@/lib/fido-server/verify-attestation-trust";
import { fail, pass, type Step } from "./types";

const within = (certificate: X509Certificate, now: Date) =>
  Date.parse(certificate.validFrom) <= now.getTime() && now.getTime() <= Date.parse(certificate.validTo);

/** Every x5c certificate inside its validity period at `now`, each issued by the next (§8 formats' x5c order). */
export function certificateValidityStep(x5c: Buffer[], now: Date): Step {
  const id = "certificate-validity";
  const spec = "§7.1 step 25";
  if (x5c.length === 0) return pass(id, spec, "no certificates in this attestation");
  const chain = x5c.map((der) => new X509Certificate(der));
  const problems: string[] = [];
  chain.forEach((certificate, index) => {
    if (!within(certificate, now))
      problems.push(
        `x5c[${index}] is valid ${certificate.validFrom} – ${certificate.validTo}, not on ${now.toISOString()}`,
      );
    const issuer = chain[index + 1];
    if (issuer && !(certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey)))
      problems.push(`x5c[${index}] is not signed by x5c[${index + 1}]`);
  });
  return problems.length > 0
    ? fail(id, spec, `${problems.join("; ")}`)
    : pass(
        id,
        spec,
        `all ${chain.length} certificates are valid on ${now.toISOString()} and each is signed by the next`,
      );
}

function libraryRoots(fmt: "apple" | "android-key"): TrustStore {
  const anchors = SettingsService.getRootCertificates({ identifier: fmt }).map((pem) => new X509Certificate(pem));
  return { anchors, entries: [], problems: [], mdsBlob: null };
}

export function attestationTrustStep(input: {
  fmt: string;
  aaguid: string;
  x5c: Buffer[];
  now: Date;
  required: boolean;
}): Step {
  const id = "attestation-trust";
  const spec = "§7.1 steps 24–25";
  const decide = (step: Step): Step =>
    input.required
      ? step
      : { ...step, advisory: true, message: `${step.message} (not required, so it does not decide the verdict)` };
  if (input.x5c.length === 0) {
    const message = `${input.fmt === "none" ? "no attestation" : "self attestation"}: nothing chains to a root`;
    return decide(input.required ? fail(id, spec, message) : pass(id, spec, message));
  }
  const rooted = input.fmt === "apple" || input.fmt === "android-key";
  // verifyAttestationTrust defers apple and android-key to SimpleWebAuthn; here they are checked against its roots as of
  // `now`, so they go in under a neutral format name.
  const store = rooted ? libraryRoots(input.fmt as "apple" | "android-key") : loadTrustStore();
  let reason: string | null;
  try {
    reason = verifyAttestationTrust(
      { fmt: rooted ? "x5c" : input.fmt, aaguid: input.aaguid, x5c: input.x5c },
      store,
      input.now,
    );
  } catch (error) {
    // e.g. a TPM AIK certificate, whose subject is empty by design (§8.3.1), trips the shared check's messages.
    reason = `the chain could not be checked (${(error as Error).message})`;
  }
  const source = rooted
    ? `${input.fmt === "apple" ? "Apple's" : "Google's"} attestation roots`
    : `this server's FIDO metadata roots (${
        store.mdsBlob
          ? `with MDS3 BLOB no. ${store.mdsBlob.serial}, next update ${store.mdsBlob.nextUpdate}`
          : "no MDS3 BLOB stored"
      })`;
  return decide(
    reason === null
      ? pass(id, spec, `x5c chains to ${source}`)
      : fail(id, spec, `not trusted against ${source}: ${reason}`),
  );
}
