// The whole conformance suite, over real HTTP, against our own four route handlers served in process by node:http.
// Trust comes the way the CLI gives it to a local server: the runner writes its metadata statements into the folder
// the server reads (FIDO_METADATA_DIR); the in-process test CA switch stays off.
import { mkdtempSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { allCases } from "./cases";
import { toJUnitXml } from "./reporters/junit";
import { runSuite } from "./run-suite";

type Handler = (request: Request) => Promise<Response>;
const routes = new Map<string, Handler>();

async function adapt(incoming: IncomingMessage, outgoing: ServerResponse) {
  const url = new URL(incoming.url ?? "/", `http://${incoming.headers.host}`);
  const route = routes.get(url.pathname);
  if (!route || incoming.method !== "POST") return outgoing.writeHead(route ? 405 : 404).end();
  const headers = Object.entries(incoming.headers).flatMap(([name, value]) =>
    typeof value === "string" ? [[name, value]] : [],
  );
  // As Next.js does: the IncomingMessage itself is the body, read only if the handler reads it (an unread body is
  // drained by node:http once the response is sent).
  const request = new Request(url, {
    method: "POST",
    headers: headers as [string, string][],
    body: incoming as unknown as BodyInit,
    duplex: "half",
  } as RequestInit);
  const response = await route(request);
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

// The port decides the origin, and lib/env reads RP_ORIGINS once: listen first, configure, then load the routes.
const server = createServer((incoming, outgoing) => void adapt(incoming, outgoing));
// Client and server share one event loop here, so a burst of synchronous key generation can hold an idle keep-alive
// connection past Node's 5-second default and have it closed under a request that was just sent on it.
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
const { port } = server.address() as AddressInfo;
const metadataDir = mkdtempSync(join(tmpdir(), "passkey-lab-fido-metadata-"));
Object.assign(process.env, {
  RP_ID: "localhost",
  RP_ORIGINS: `http://localhost:${port}`,
  FIDO_CONFORMANCE_API: "on",
  FIDO_TRUST_TEST_CA: "off",
  FIDO_METADATA_DIR: metadataDir,
});
routes.set("/fido/attestation/options", (await import("@/app/fido/attestation/options/route")).POST);
routes.set("/fido/attestation/result", (await import("@/app/fido/attestation/result/route")).POST);
routes.set("/fido/assertion/options", (await import("@/app/fido/assertion/options/route")).POST);
routes.set("/fido/assertion/result", (await import("@/app/fido/assertion/result/route")).POST);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Skipped at run time, with the reason, against this server: it offers every algorithm, and trusts Apple's root for apple. */
/** …and the Server-MDS3 cases, which run only with the suite's MDS3 BLOBs served (mds-cases.integration.test.ts). */
const SKIPPED_HERE = [
  "PasskeyLab-Attestation apple-anonymous",
  "PasskeyLab-Security-13 algorithm-not-offered",
  ...["P-1", "F-2", "F-3", "F-4", "F-5", "F-6"].map((test) => `Server-MDS3 ${test}`),
];

describe("the conformance suite against our own server", () => {
  it("passes every case it runs, in exactly the API's shape; the rest are skipped with a reason", async () => {
    const report = await runSuite({ target: `http://localhost:${port}/fido`, metadataDir, concurrency: 8 });
    const notPassed = report.cases
      .filter((result) => result.outcome !== "pass" && result.outcome !== "skip")
      .map(
        (result) =>
          `${result.outcome} ${result.id}: ${result.reason}; expected ${result.failure?.expected}; received ${result.failure?.received ?? result.deviations?.[0]?.detail}`,
      );
    expect(notPassed).toEqual([]);

    const skipped = report.cases.filter((result) => result.outcome === "skip");
    for (const result of skipped) expect(result.reason?.length, result.id).toBeGreaterThan(20);
    const expectedSkips = [
      ...allCases()
        .filter((testCase) => testCase.skip)
        .map((testCase) => testCase.id),
      ...SKIPPED_HERE,
    ];
    expect(skipped.map((result) => result.id).sort()).toEqual(expectedSkips.sort());
    expect(report.cases.find((result) => result.id === SKIPPED_HERE[0])?.reason).toMatch(
      /could not be chained|trust anchor/,
    );

    expect(report.summary).toMatchObject({
      total: allCases().length,
      fail: 0,
      deviation: 0,
      targetError: 0,
      notRun: 0,
      inconclusive: 0,
    });
    expect(report.crashedAfter).toBeNull();
    expect(report.origin).toBe(`http://localhost:${port}`);
    const junit = toJUnitXml(report);
    expect(junit).toContain(`tests="${report.summary.total}" failures="0" errors="0" skipped="${report.summary.skip}"`);
  }, 120_000);
});
