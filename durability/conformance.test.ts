// The whole conformance suite against the real server (`next start` from the build), over HTTP, as another project's
// CI would run it. The JUnit file is kept at test-results/conformance.xml for CI to collect.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { toJsonReport } from "@/lib/conformance/reporters/json";
import { toJUnitXml } from "@/lib/conformance/reporters/junit";
import { runSuite } from "@/lib/conformance/run-suite";
import { newDatabase, removeDatabase } from "./database";
import { freePorts, originOf, REPO_ROOT, startServer, stopAllServers } from "./servers";

const database = newDatabase();
afterEach(() => stopAllServers());
afterAll(() => removeDatabase(database));

describe("conformance suite against next start", () => {
  it("passes every case the server supports; the rest are skipped with a reason", async () => {
    const metadataDir = join(database.dir, "fido-metadata");
    mkdirSync(metadataDir, { recursive: true });
    // The server reads the suite's per-run attestation root from its metadata folder (docs/decisions/006).
    process.env.FIDO_CONFORMANCE_API = "on";
    process.env.FIDO_METADATA_DIR = metadataDir;
    const [port] = await freePorts(1);
    const server = await startServer({ port, databaseUrl: database.url, authSecret: database.authSecret, origins: [originOf(port)] });

    const report = await runSuite({ target: `${server.url}/fido`, metadataDir, concurrency: 4, onProgress: () => {} });
    const results = join(REPO_ROOT, "test-results");
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, "conformance.xml"), toJUnitXml(report));
    writeFileSync(join(results, "conformance.json"), toJsonReport(report));

    const failures = report.cases.filter((result) => result.status === "failed").map((result) => result.id);
    expect(failures).toEqual([]);
    expect(report.summary.passed).toBeGreaterThan(200);
    expect(report.cases.filter((result) => result.status === "skipped").every((result) => Boolean(result.reason))).toBe(true);
  });
});
