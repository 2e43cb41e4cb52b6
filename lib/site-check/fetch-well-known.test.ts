// The site checker's fetch goes through the SSRF guard: in `public` mode (the production default) a site on a
// loopback address is never reached; in `any` mode (a local test server only) it is.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchWellKnown } from "./fetch-well-known";

let server: http.Server;
let origin: string;
let requests = 0;

beforeAll(async () => {
  server = http.createServer((_, res) => {
    requests += 1;
    res.writeHead(200, { "content-type": "application/json" }).end('{"origins":[]}');
  });
  server.listen(0, "localhost");
  await once(server, "listening");
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe("fetchWellKnown", () => {
  it("refuses a loopback site in public mode without sending it anything", async () => {
    const file = await fetchWellKnown(origin, "webauthn", "public");
    expect(file).toMatchObject({ kind: "failed", url: `${origin}/.well-known/webauthn` });
    expect(file.kind === "failed" && file.reason).toMatch(/not a public address/);
    expect(requests).toBe(0);
  });

  it("reaches it in any mode", async () => {
    const file = await fetchWellKnown(origin, "webauthn", "any");
    expect(file).toMatchObject({
      kind: "answer",
      status: 200,
      contentType: "application/json",
      body: '{"origins":[]}',
    });
  });
});
