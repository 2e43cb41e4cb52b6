// The suite's authenticators and the metadata statements that make a target trust them, the way the FIDO tool hands
// out metadata for its own authenticators. The attestation root is the software authenticator's test root, which is
// generated per process: a target must read the statements this run writes (our server rereads its folder).
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { testCaRootDer } from "@/lib/authenticator";

/** "PasskeyLabSuite1": the AAGUID of every authenticator the suite registers with (fido-u2f ones have none). */
export const SUITE_AAGUID = "50617373-6b65-794c-6162-537569746531";
/** "PasskeyLabCompr!": an authenticator model whose metadata reports its attestation key compromised. */
export const COMPROMISED_AAGUID = "50617373-6b65-794c-6162-436f6d707221";

function statement(aaguid: string, description: string) {
  return {
    legalHeader: "Passkey Lab conformance suite test metadata: valid for one suite run, trusts a throwaway test root.",
    aaguid,
    description,
    authenticatorVersion: 1,
    protocolFamily: "fido2",
    schema: 3,
    upv: [{ major: 1, minor: 1 }],
    authenticationAlgorithms: ["secp256r1_ecdsa_sha256_raw"],
    publicKeyAlgAndEncodings: ["cose"],
    attestationTypes: ["basic_full", "basic_surrogate"],
    userVerificationDetails: [[{ userVerificationMethod: "presence_internal" }]],
    keyProtection: ["software"],
    matcherProtection: ["software"],
    attachmentHint: ["internal"],
    tcDisplay: [],
    attestationRootCertificates: [testCaRootDer().toString("base64")],
  };
}

/** A metadata statement for the suite's authenticator, and an MDS3 entry for a compromised model. */
export function suiteMetadata(): { file: string; content: object }[] {
  const today = new Date().toISOString().slice(0, 10);
  return [
    {
      file: "passkey-lab-suite.json",
      content: statement(SUITE_AAGUID, "Passkey Lab software authenticator (conformance suite)"),
    },
    {
      file: "passkey-lab-suite-compromised.json",
      content: {
        aaguid: COMPROMISED_AAGUID,
        metadataStatement: statement(
          COMPROMISED_AAGUID,
          "Passkey Lab software authenticator with a compromised attestation key",
        ),
        statusReports: [{ status: "ATTESTATION_KEY_COMPROMISE", effectiveDate: today }],
        timeOfLastStatusChange: today,
      },
    },
  ];
}

/** Writes the statements into `dir` (each file replaced whole, so a reader never sees half of one); returns the paths. */
export function writeSuiteMetadata(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return suiteMetadata().map(({ file, content }) => {
    const path = join(dir, file);
    writeFileSync(`${path}.tmp`, `${JSON.stringify(content, null, 2)}\n`);
    renameSync(`${path}.tmp`, path);
    return path;
  });
}
