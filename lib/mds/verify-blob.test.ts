// tsyringe, inside @peculiar/x509, needs the Reflect metadata polyfill loaded first (as SimpleWebAuthn does).
import "reflect-metadata";
import { X509Certificate } from "@peculiar/x509";
import { beforeAll, describe, expect, it } from "vitest";
import type { BlobPayload } from "./blob-schema";
import { describeAuthenticator } from "./describe-authenticator";
import { FIDO_MDS_ROOT_PEM } from "./fido-mds-root";
import { cleanCrls, makeCrl, makeTestMdsPki, mdsDate, signTestBlob, type TestMdsPki } from "./test-support/test-blob";
import { verifyMdsBlob, type VerifyBlobOptions } from "./verify-blob";

const AAGUID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

function payload(overrides: Partial<BlobPayload> = {}): BlobPayload {
  return {
    legalHeader: "test",
    no: 42,
    nextUpdate: mdsDate(30),
    entries: [
      {
        aaguid: AAGUID,
        metadataStatement: { aaguid: AAGUID, description: "Test Key", attestationRootCertificates: [] },
        statusReports: [{ status: "FIDO_CERTIFIED_L1", effectiveDate: "2024-01-01" }],
        timeOfLastStatusChange: "2024-01-01",
      },
    ],
    ...overrides,
  };
}

let pki: TestMdsPki;
let options: VerifyBlobOptions;

beforeAll(async () => {
  pki = await makeTestMdsPki();
  options = {
    roots: [pki.root.certificate.toString("pem")],
    revocation: { crls: await cleanCrls(pki) },
    now: new Date(),
  };
});

describe("verifyMdsBlob", () => {
  it("takes a BLOB signed under the trusted root, with its entries, number and date", async () => {
    const result = await verifyMdsBlob(await signTestBlob(pki, payload()), options);
    expect(result).toMatchObject({ ok: true, data: { payload: { no: 42, nextUpdate: mdsDate(30) } } });
    expect(result.ok && result.data.payload.entries[0].aaguid).toBe(AAGUID);
  });

  it("refuses a BLOB past its nextUpdate", async () => {
    const result = await verifyMdsBlob(await signTestBlob(pki, payload({ nextUpdate: mdsDate(-1) })), options);
    expect(result).toMatchObject({ ok: false, code: "mds:expired" });
  });

  it("refuses a BLOB whose payload was changed after signing", async () => {
    const [header, , signature] = (await signTestBlob(pki, payload())).split(".");
    const forged = Buffer.from(JSON.stringify(payload({ no: 43 }))).toString("base64url");
    const result = await verifyMdsBlob(`${header}.${forged}.${signature}`, options);
    expect(result).toMatchObject({ ok: false, code: "mds:bad-signature" });
  });

  it("refuses a BLOB whose chain ends at another root", async () => {
    const other = await makeTestMdsPki("Someone else");
    const result = await verifyMdsBlob(await signTestBlob(other, payload()), options);
    expect(result).toMatchObject({ ok: false, code: "mds:untrusted-chain" });
  });

  it("refuses a BLOB under the real FIDO root when it was signed by a test root", async () => {
    const result = await verifyMdsBlob(await signTestBlob(pki, payload()), { ...options, roots: [FIDO_MDS_ROOT_PEM] });
    expect(result).toMatchObject({ ok: false, code: "mds:untrusted-chain" });
  });

  it("refuses a BLOB whose signing certificate is revoked", async () => {
    const crls = [await makeCrl(pki.root), await makeCrl(pki.intermediate, [pki.signer.certificate])];
    const result = await verifyMdsBlob(await signTestBlob(pki, payload()), { ...options, revocation: { crls } });
    expect(result).toMatchObject({ ok: false, code: "mds:revoked-certificate" });
  });

  it("refuses a BLOB whose intermediate is revoked by the root", async () => {
    const crls = [await makeCrl(pki.root, [pki.intermediate.certificate]), await makeCrl(pki.intermediate)];
    const result = await verifyMdsBlob(await signTestBlob(pki, payload()), { ...options, revocation: { crls } });
    expect(result).toMatchObject({ ok: false, code: "mds:revoked-certificate" });
  });

  it("refuses a BLOB when a CRL the chain names cannot be had (decision 026), or is past its own nextUpdate", async () => {
    const blob = await signTestBlob(pki, payload());
    const offline = await verifyMdsBlob(blob, { ...options, revocation: { crls: [await makeCrl(pki.root)] } });
    expect(offline).toMatchObject({ ok: false, code: "mds:crl-unavailable" });
    expect(offline.ok || offline.detail).toContain(pki.crlUrl);

    const unreachable = await verifyMdsBlob(blob, {
      ...options,
      revocation: {
        crls: [await makeCrl(pki.root)],
        fetchCrl: () => Promise.reject(new Error("getaddrinfo ENOTFOUND")),
      },
    });
    expect(unreachable).toMatchObject({ ok: false, code: "mds:crl-unavailable" });

    const stale = [await makeCrl(pki.root), await makeCrl(pki.intermediate, [], -1)];
    const result = await verifyMdsBlob(blob, { ...options, revocation: { crls: stale } });
    expect(result).toMatchObject({ ok: false, code: "mds:crl-unavailable" });
  });

  it("fetches a CRL from the distribution point the chain names", async () => {
    const intermediateCrl = await makeCrl(pki.intermediate);
    const asked: string[] = [];
    const result = await verifyMdsBlob(await signTestBlob(pki, payload()), {
      ...options,
      revocation: {
        crls: [await makeCrl(pki.root)],
        fetchCrl: async (url) => {
          asked.push(url);
          return intermediateCrl.rawData;
        },
      },
    });
    expect(result.ok).toBe(true);
    expect(asked).toEqual([pki.crlUrl]);
  });

  it("refuses a serial number below the stored one under the same root, and takes an equal or higher one", async () => {
    const blob = await signTestBlob(pki, payload({ no: 41 }));
    const taken = await verifyMdsBlob(blob, options);
    const rootFingerprint = taken.ok ? taken.data.rootFingerprint : "";
    expect(rootFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyMdsBlob(blob, { ...options, stored: { serial: 42, rootFingerprint } })).toMatchObject({
      ok: false,
      code: "mds:older-number",
    });
    expect((await verifyMdsBlob(blob, { ...options, stored: { serial: 41, rootFingerprint } })).ok).toBe(true);
    // Numbers count per service: a BLOB stored under another root does not hold this one back.
    const otherRoot = { serial: 42, rootFingerprint: "00".repeat(32) };
    expect((await verifyMdsBlob(blob, { ...options, stored: otherRoot })).ok).toBe(true);
  });

  it("refuses what is not a BLOB", async () => {
    for (const input of ["", "not.a.jwt", "eyJhbGciOiJFUzI1NiJ9.e30.AAAA"]) {
      expect(await verifyMdsBlob(input, options)).toMatchObject({ ok: false, code: "mds:malformed" });
    }
  });
});

describe("describeAuthenticator", () => {
  it("names a compromised status in words and marks the model untrusted", () => {
    const trust = describeAuthenticator({
      aaguid: AAGUID,
      metadataStatement: {
        description: "Leaky Key",
        attestationRootCertificates: [],
        icon: "data:image/png;base64,iVBORw0KGgo=",
      },
      statusReports: [
        { status: "FIDO_CERTIFIED_L2", effectiveDate: "2023-01-01" },
        { status: "ATTESTATION_KEY_COMPROMISE", effectiveDate: "2024-01-01" },
      ],
    });
    expect(trust).toEqual({
      description: "Leaky Key",
      icon: "data:image/png;base64,iVBORw0KGgo=",
      certification: "FIDO Certified Level 2",
      certificationStatus: "FIDO_CERTIFIED_L2",
      warnings: [
        {
          status: "ATTESTATION_KEY_COMPROMISE",
          words: "Its attestation key was leaked: its attestation proves nothing",
        },
      ],
      compromised: "ATTESTATION_KEY_COMPROMISE",
    });
  });

  it("drops an icon that is not a raster data: URL", () => {
    for (const icon of ["https://example.com/i.png", "data:image/svg+xml;base64,PHN2Zz4=", "javascript:alert(1)"]) {
      const trust = describeAuthenticator({
        metadataStatement: { icon, attestationRootCertificates: [] },
        statusReports: [],
      });
      expect(trust.icon).toBeUndefined();
    }
  });
});

describe("the FIDO root kept in the repository", () => {
  it("parses, is GlobalSign Root CA - R3, and has the fingerprint its source states", async () => {
    const root = new X509Certificate(FIDO_MDS_ROOT_PEM);
    expect(root.subject).toContain("CN=GlobalSign");
    expect(root.subject).toContain("OU=GlobalSign Root CA - R3");
    const fingerprint = Buffer.from(await root.getThumbprint("SHA-256"))
      .toString("hex")
      .toUpperCase();
    expect(fingerprint).toBe("CBB522D7B7F127AD6A0113865BDF1CD4102E7D0759AF635A7CF4720DC963C53B");
    expect(await root.isSelfSigned()).toBe(true);
  });
});
