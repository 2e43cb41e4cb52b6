// Attestation trust of the conformance relying party: roots from a metadata folder (reread when it changes), the
// software authenticator's test root only when switched on, and chains checked by us.
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { SoftwareAuthenticator, testCaRootDer, testCaRootPem, type AttestationFormat } from "@/lib/authenticator";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { decodeAttestationObject, isoBase64URL } from "@simplewebauthn/server/helpers";
import { createCertificateAuthority, toPem } from "@/lib/authenticator/test-ca";
import { newToken } from "@/lib/crypto/tokens";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { post } from "@/test/fido-requests";
import { loadTrustStore } from "./load-trust-store";
import { verifyAttestationTrust } from "./verify-attestation-trust";

// The API reads its folder from the environment: an empty one, and the test root not trusted.
const metadataDir = await vi.hoisted(async () => {
  const fs = await import("node:fs");
  const os = await import("node:os");
  const dir = fs.mkdtempSync(`${os.tmpdir()}/passkey-lab-trust-`);
  Object.assign(process.env, { FIDO_METADATA_DIR: dir, FIDO_TRUST_TEST_CA: "off" });
  return dir;
});

const AAGUID = "7d1351a6-e097-4852-b8bf-c9ac5c9ce4a3";
const ORIGIN = relyingParty.origins[0];

async function registerWith(format: AttestationFormat, aaguid = AAGUID) {
  const options = (await post("/attestation/options", { username: `trust-${newToken(6)}`, attestation: "direct" }))
    .body;
  const response = new SoftwareAuthenticator({ aaguid, attestation: format }).register(
    options as unknown as PublicKeyCredentialCreationOptionsJSON,
    ORIGIN,
  );
  return post("/attestation/result", response);
}

const statement = (aaguid: string, extra: object = {}) => ({
  aaguid,
  attestationRootCertificates: [testCaRootDer().toString("base64")],
  ...extra,
});

describe("the metadata folder", () => {
  it("refuses full attestation while nothing is trusted, and takes it once a statement with its root is written", async () => {
    const refused = await registerWith("packed-full");
    expect(refused.body.errorMessage).toMatch(/no attestation root is trusted here/);
    expect((await registerWith("none")).status).toBe(200);
    expect((await registerWith("packed-self")).status).toBe(200);

    writeFileSync(join(metadataDir, "authenticator.json"), JSON.stringify(statement(AAGUID)));
    expect((await registerWith("packed-full")).body).toEqual({ status: "ok", errorMessage: "" });
    // fido-u2f has no AAGUID: any trusted root will do.
    expect((await registerWith("fido-u2f")).body).toEqual({ status: "ok", errorMessage: "" });
  });

  it("refuses an authenticator whose MDS3 entry reports a compromise", async () => {
    const compromised = "0f3d5b34-58b2-4a36-9a3c-31b2f6fa1e2d";
    const entry = {
      aaguid: compromised,
      metadataStatement: statement(compromised),
      statusReports: [{ status: "FIDO_CERTIFIED" }, { status: "ATTESTATION_KEY_COMPROMISE" }],
    };
    writeFileSync(join(metadataDir, "compromised.json"), JSON.stringify(entry));
    expect((await registerWith("packed-full", compromised)).body.errorMessage).toMatch(
      /reports ATTESTATION_KEY_COMPROMISE/,
    );
    expect((await registerWith("packed-self", compromised)).body.errorMessage).toMatch(
      /reports ATTESTATION_KEY_COMPROMISE/,
    );
  });

  it("reads PEM roots and statements, leaves out what it cannot read, and names it", () => {
    const dir = mkdtempSync(join(tmpdir(), "passkey-lab-roots-"));
    const other = createCertificateAuthority({ C: "US", O: "Elsewhere", CN: "Other Root" });
    writeFileSync(join(dir, "roots.pem"), testCaRootPem() + toPem(other.certificateDer));
    writeFileSync(join(dir, "broken.json"), "{ not json");
    writeFileSync(join(dir, "notes.txt"), "ignored: not a certificate or statement");
    const store = loadTrustStore({ metadataDir: dir, trustTestCa: false });
    expect(store.anchors.map((root) => root.subject)).toEqual([
      expect.stringContaining("Passkey Lab Test Root CA"),
      expect.stringContaining("Other Root"),
    ]);
    expect(store.problems).toEqual([expect.stringMatching(/broken\.json/)]);
  });
});

describe("the test-CA switch and chain checks", () => {
  const x5cOf = (pem: string) => [Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ""), "base64")];

  it("trusts the test root only when switched on", () => {
    const none = loadTrustStore({ trustTestCa: false });
    const on = loadTrustStore({ trustTestCa: true });
    expect(none.anchors).toEqual([]);
    expect(on.anchors.map((root) => root.fingerprint256)).toEqual([
      new X509Certificate(testCaRootPem()).fingerprint256,
    ]);
  });

  it("refuses a root sent inside x5c, and a chain that reaches no trusted root", () => {
    const store = loadTrustStore({ trustTestCa: true });
    expect(verifyAttestationTrust({ fmt: "packed", aaguid: AAGUID, x5c: x5cOf(testCaRootPem()) }, store)).toMatch(
      /self-signed root/,
    );
    const stranger = createCertificateAuthority({ C: "US", O: "Elsewhere", CN: "Stranger Root" });
    const intermediate = createCertificateAuthority({ C: "US", O: "Elsewhere", CN: "Stranger CA" }, stranger);
    expect(
      verifyAttestationTrust({ fmt: "packed", aaguid: AAGUID, x5c: [intermediate.certificateDer] }, store),
    ).toMatch(/does not chain to any of the 1 trusted/);
    expect(verifyAttestationTrust({ fmt: "none", aaguid: AAGUID, x5c: [] }, store)).toBeNull();
  });

  it("names a certificate with no subject (as TPM attestation certificates are) instead of throwing", () => {
    const vector = JSON.parse(readFileSync("lib/inspect/vectors/tpm-rs256.json", "utf8")) as {
      response: { response: { attestationObject: string } };
    };
    const attestation = decodeAttestationObject(isoBase64URL.toBuffer(vector.response.response.attestationObject));
    const x5c = attestation.get("attStmt").get("x5c") ?? [];
    expect(new X509Certificate(x5c[0]).subject).toBeUndefined();
    const problem = verifyAttestationTrust(
      { fmt: "tpm", aaguid: AAGUID, x5c },
      loadTrustStore({ trustTestCa: false }),
      new Date("2035-01-01"),
    );
    expect(problem).toMatch(/^x5c\[0\] \(no subject\) is outside its validity period/);
  });
});
