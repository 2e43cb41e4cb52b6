// The stored BLOB in use where trust is judged: the FIDO API's trust store (status included) and the passkey list.
import { describe, expect, it, vi } from "vitest";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { SoftwareAuthenticator, testCaRootDer } from "@/lib/authenticator";
import { testPki } from "@/lib/authenticator/test-ca";
import { newToken } from "@/lib/crypto/tokens";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { attestationTrustStep } from "@/lib/inspect/certificate-steps";
import { post } from "@/test/fido-requests";
import { cleanCrls, makeTestMdsPki, mdsDate, signTestBlob } from "./test-support/test-blob";
import { updateMds } from "./update-mds";

// An empty metadata folder and the test root not trusted: only the BLOB can make the software authenticator trusted.
await vi.hoisted(async () => {
  const fs = await import("node:fs");
  const os = await import("node:os");
  const dir = fs.mkdtempSync(`${os.tmpdir()}/passkey-lab-mds-trust-`);
  Object.assign(process.env, { FIDO_METADATA_DIR: dir, FIDO_TRUST_TEST_CA: "off" });
});

const intermediateDer = testPki().intermediate.certificateDer;
const CERTIFIED = "5b1c7a9e-0d1f-4e2a-9b3c-4d5e6f708192";
const COMPROMISED = "6c2d8b0f-1e20-4f3b-8c4d-5e6f70819203";

async function registerWith(aaguid: string) {
  const options = (await post("/attestation/options", { username: `mds-${newToken(6)}`, attestation: "direct" })).body;
  const response = new SoftwareAuthenticator({ aaguid, attestation: "packed-full" }).register(
    options as unknown as PublicKeyCredentialCreationOptionsJSON,
    relyingParty.origins[0],
  );
  return post("/attestation/result", response);
}

const entry = (aaguid: string, statuses: string[]) => ({
  aaguid,
  metadataStatement: {
    aaguid,
    description: `Model ${aaguid.slice(0, 4)}`,
    attestationRootCertificates: [testCaRootDer().toString("base64")],
  },
  statusReports: statuses.map((status, index) => ({ status, effectiveDate: `202${index}-01-01` })),
});

describe("the FIDO API's trust store with a stored BLOB", () => {
  it("trusts a model the BLOB lists with its root, and refuses one whose status is a compromise", async () => {
    expect((await registerWith(CERTIFIED)).body.errorMessage).toMatch(/no attestation root is trusted here/);

    const pki = await makeTestMdsPki();
    const jwt = await signTestBlob(pki, {
      no: 3,
      nextUpdate: mdsDate(30),
      entries: [
        entry(CERTIFIED, ["FIDO_CERTIFIED_L1"]),
        entry(COMPROMISED, ["FIDO_CERTIFIED_L1", "ATTESTATION_KEY_COMPROMISE"]),
      ],
    });
    const stored = await updateMds({
      blob: { jwt, source: "file:test.jwt" },
      roots: [pki.root.certificate.toString("pem")],
      crls: (await cleanCrls(pki)).map((crl) => new Uint8Array(crl.rawData)),
      fetchCrls: false,
    });
    expect(stored.ok).toBe(true);

    expect((await registerWith(CERTIFIED)).body).toEqual({ status: "ok", errorMessage: "" });
    expect((await registerWith(COMPROMISED)).body.errorMessage).toBe(
      "Registration refused: " +
        "the metadata for this authenticator reports ATTESTATION_KEY_COMPROMISE (MDS3 BLOB no. 3).",
    );

    // The inspector's trust step reads the same store, and names the BLOB.
    const judge = (aaguid: string) =>
      attestationTrustStep({ fmt: "packed", aaguid, x5c: [intermediateDer], now: new Date(), required: true });
    expect(judge(CERTIFIED)).toMatchObject({
      ok: true,
      message: `x5c chains to this server's FIDO metadata roots (with MDS3 BLOB no. 3, next update ${mdsDate(30)})`,
    });
    expect(judge(COMPROMISED)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/with MDS3 BLOB no\. 3.*reports ATTESTATION_KEY_COMPROMISE/),
    });
  });
});
