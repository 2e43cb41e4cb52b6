import { beforeAll, describe, expect, it } from "vitest";
import { readMdsSnapshot } from "./mds-snapshot";
import { cleanCrls, makeTestMdsPki, mdsDate, signTestBlob, type TestMdsPki } from "./test-support/test-blob";
import { updateMds, type MdsUpdate } from "./update-mds";

const AAGUID = "11111111-2222-4333-8444-555555555555";

let pki: TestMdsPki;
let trustTestRoot: Pick<MdsUpdate, "roots" | "crls" | "fetchCrls">;

const blob = async (no: number) => ({
  jwt: await signTestBlob(pki, {
    no,
    nextUpdate: mdsDate(30),
    entries: [
      {
        aaguid: AAGUID,
        metadataStatement: { aaguid: AAGUID, description: "Test Key", attestationRootCertificates: [] },
        statusReports: [{ status: "FIDO_CERTIFIED_L1" }],
      },
    ],
  }),
  source: `file:blob-${no}.jwt`,
});

beforeAll(async () => {
  pki = await makeTestMdsPki();
  const crls = (await cleanCrls(pki)).map((crl) => new Uint8Array(crl.rawData));
  trustTestRoot = { roots: [pki.root.certificate.toString("pem")], crls, fetchCrls: false };
});

describe("updateMds", () => {
  it("says clearly that the Metadata Service cannot be reached, and stores nothing", async () => {
    const result = await updateMds({ blob: { url: "http://localhost:1/" }, fetchCrls: true });
    expect(result).toMatchObject({ ok: false, code: "mds:unreachable" });
    expect(result.ok || result.message).toMatch(
      /Could not fetch the metadata BLOB from http:\/\/localhost:1\/ .*--file/,
    );
    expect((await readMdsSnapshot()).blob).toBeNull();
  });

  it("stores a verified BLOB, keeps it for an equal number and never goes back to a lower one", async () => {
    expect(await updateMds({ blob: await blob(7), ...trustTestRoot })).toMatchObject({
      ok: true,
      data: { status: "stored", serial: 7 },
    });
    const snapshot = await readMdsSnapshot();
    expect(snapshot.blob).toMatchObject({ serial: 7, nextUpdate: mdsDate(30), source: "file:blob-7.jwt" });
    expect(snapshot.byAaguid.get(AAGUID)?.metadataStatement?.description).toBe("Test Key");

    expect(await updateMds({ blob: await blob(7), ...trustTestRoot })).toMatchObject({
      ok: true,
      data: { status: "unchanged" },
    });
    expect(await updateMds({ blob: await blob(6), ...trustTestRoot })).toMatchObject({
      ok: false,
      code: "mds:older-number",
    });
    expect(await updateMds({ blob: await blob(8), ...trustTestRoot })).toMatchObject({ ok: true, data: { serial: 8 } });
    expect((await readMdsSnapshot()).blob?.serial).toBe(8);
  });

  it("refuses a test BLOB under the FIDO root, and a BLOB without the CRLs its chain names", async () => {
    expect(await updateMds({ blob: await blob(9), fetchCrls: false })).toMatchObject({
      ok: false,
      code: "mds:untrusted-chain",
    });
    expect(await updateMds({ blob: await blob(9), ...trustTestRoot, crls: [] })).toMatchObject({
      ok: false,
      code: "mds:crl-unavailable",
    });
    expect((await readMdsSnapshot()).blob?.serial).toBe(8);
  });

  it("counts numbers per root: a BLOB under another root replaces a test one whatever its number", async () => {
    const other = await makeTestMdsPki("Another service");
    const jwt = await signTestBlob(other, { no: 1, nextUpdate: mdsDate(30), entries: [] });
    const result = await updateMds({
      blob: { jwt, source: "file:other.jwt" },
      roots: [other.root.certificate.toString("pem")],
      crls: (await cleanCrls(other)).map((crl) => new Uint8Array(crl.rawData)),
      fetchCrls: false,
    });
    expect(result).toMatchObject({ ok: true, data: { status: "stored", serial: 1 } });
    expect((await readMdsSnapshot()).blob).toMatchObject({ serial: 1, source: "file:other.jwt" });
  });
});
