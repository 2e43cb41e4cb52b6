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
  server = http.createServer((req, res) => {
    requests += 1;
    const moves: Record<string, string> = {
      "/redirecting/.well-known/webauthn": "/moved",
      "/moved": "/files/webauthn.json",
      "/redirecting/.well-known/passkey-endpoints": "/files/passkey-endpoints.json",
      "/looping/.well-known/webauthn": "/looping/.well-known/webauthn",
      "/odd/.well-known/webauthn": "javascript:alert(1)",
      "/broken/.well-known/webauthn": "http://[::1",
    };
    const location = moves[req.url ?? ""];
    if (location) return res.writeHead(req.url === "/moved" ? 301 : 302, { location }).end();
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

  it("follows /.well-known/webauthn's redirects as browsers do, and reads the file where they end", async () => {
    const file = await fetchWellKnown(`${origin}/redirecting`, "webauthn", "any");
    expect(file).toMatchObject({
      kind: "answer",
      url: `${origin}/redirecting/.well-known/webauthn`,
      redirects: [`${origin}/moved`, `${origin}/files/webauthn.json`],
      status: 200,
      body: '{"origins":[]}',
    });
  });

  it("reports a redirect of /.well-known/passkey-endpoints without following it (its draft has not settled that)", async () => {
    const before = requests;
    const file = await fetchWellKnown(`${origin}/redirecting`, "passkey-endpoints", "any");
    expect(file).toMatchObject({
      kind: "answer",
      redirects: [],
      status: 302,
      location: `${origin}/files/passkey-endpoints.json`,
    });
    expect(requests - before).toBe(1);
  });

  it("gives up after 20 redirects, as fetch does", async () => {
    const file = await fetchWellKnown(`${origin}/looping`, "webauthn", "any");
    expect(file).toMatchObject({ kind: "failed", reason: "more than 20 redirects" });
    expect(file.redirects).toHaveLength(20);
  });

  it("follows no redirect to another scheme, and reads a Location that is not a URL as no redirect at all", async () => {
    expect(await fetchWellKnown(`${origin}/odd`, "webauthn", "any")).toMatchObject({
      kind: "answer",
      redirects: [],
      status: 302,
      location: "javascript:alert(1)",
    });
    const broken = await fetchWellKnown(`${origin}/broken`, "webauthn", "any");
    expect(broken).toMatchObject({ kind: "answer", redirects: [], status: 302 });
    expect(broken).not.toHaveProperty("location");
  });
});
