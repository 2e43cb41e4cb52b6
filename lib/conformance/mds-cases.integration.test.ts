// The Server-MDS3 cases against our own server: the suite serves its MDS3 test BLOBs, our server is pointed at each
// (what `npm run mds:update -- --url … --root …` does), keeps the valid one and refuses the four broken ones with the
// reason, and then passes every Server-MDS3 case the suite runs.
import { afterAll, describe, expect, it } from "vitest";
import { startSuiteMdsService } from "./mds-test-service";
import { runSuite } from "./run-suite";
import { startOwnRelyingParty } from "./test-support/reshaping-targets";

const target = await startOwnRelyingParty();
// After the target set RP_ORIGINS: lib/env reads the environment once, on first import.
const { updateMds } = await import("@/lib/mds/update-mds");
const service = await startSuiteMdsService();
afterAll(async () => {
  await service.close();
  await target.close();
});

describe("the Server-MDS3 cases against our own server", () => {
  it("refuses the broken BLOBs, keeps the valid one, and passes every case", async () => {
    const loaded: Record<string, string> = {};
    for (const url of service.blobUrls) {
      const result = await updateMds({ blob: { url }, roots: [service.rootPem], fetchCrls: true });
      loaded[url.split("/").at(-1) ?? url] = result.ok ? result.data.status : result.code;
    }
    expect(loaded).toEqual({
      valid: "stored",
      "bad-signature": "mds:bad-signature",
      "bad-chain": "mds:untrusted-chain",
      "revoked-intermediate": "mds:revoked-certificate",
      "revoked-signer": "mds:revoked-certificate",
    });

    const report = await runSuite({ target: target.url, filter: "Server-MDS3", mdsServed: true });
    const outcomes = Object.fromEntries(report.cases.map((result) => [result.id, result.outcome]));
    expect(outcomes).toEqual({
      "Server-MDS3 P-1": "pass",
      "Server-MDS3 F-1": "skip",
      "Server-MDS3 F-2": "pass",
      "Server-MDS3 F-3": "pass",
      "Server-MDS3 F-4": "pass",
      "Server-MDS3 F-5": "pass",
      "Server-MDS3 F-6": "pass",
    });
  }, 60_000);

  it("skips them, with the reason, when the BLOBs were not served", async () => {
    const report = await runSuite({ target: target.url, filter: "Server-MDS3 P-1" });
    expect(report.cases[0]).toMatchObject({ outcome: "skip", reason: expect.stringContaining("--mds-port") });
  });
});
