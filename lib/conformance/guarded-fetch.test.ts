// The web runner's fetch against a real local HTTP server: answers come back as fetch would give them; redirects,
// oversized answers, refused addresses (literal or resolved) and the run's time limit become errors the suite reports.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FidoClient } from "./fido-client";
import { createGuardedFetch } from "./guarded-fetch";
import { refusedAddressRange } from "./target-guard";

let server: http.Server;
let port: number;
const hung: http.ServerResponse[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === "/ok") {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        response.setHeader("set-cookie", ["a=1; Path=/", "b=2; Path=/"]);
        response
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ status: "ok", errorMessage: "", echo: JSON.parse(body) }));
      });
    } else if (request.url === "/redirect")
      response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" }).end();
    else if (request.url === "/huge") {
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("x".repeat(300 * 1024));
    } else if (request.url === "/empty") response.writeHead(204).end();
    else if (request.url === "/hang") hung.push(response);
    else response.writeHead(404).end("no");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const response of hung) response.destroy();
  server.close();
});

const allowAll = () => null;

describe("createGuardedFetch", () => {
  it("posts the body and answers like fetch: status, JSON, every Set-Cookie", async () => {
    const guarded = createGuardedFetch();
    const response = await guarded.fetch(`http://127.0.0.1:${port}/ok`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"x":1}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(await response.json()).toEqual({ status: "ok", errorMessage: "", echo: { x: 1 } });
    expect((await guarded.fetch(`http://127.0.0.1:${port}/empty`)).status).toBe(204);
    guarded.close();
  });

  it("follows no redirect, and says where it pointed", async () => {
    const guarded = createGuardedFetch();
    await expect(guarded.fetch(`http://127.0.0.1:${port}/redirect`)).rejects.toThrow(
      /HTTP 302, a redirect to http:\/\/169\.254\.169\.254.*follows no redirects/,
    );
    guarded.close();
  });

  it("hands a redirect back as an answer when asked, and the next hop meets the guard again", async () => {
    // The site checker follows /.well-known/webauthn's redirects itself, one guarded fetch per hop.
    const guarded = createGuardedFetch({ redirects: "answer" });
    const answer = await guarded.fetch(`http://127.0.0.1:${port}/redirect`);
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("http://169.254.169.254/latest/meta-data");
    guarded.close();
    const publicOnly = createGuardedFetch({ redirects: "answer", refuseAddress: refusedAddressRange });
    await expect(publicOnly.fetch(answer.headers.get("location") ?? "")).rejects.toThrow(/not a public address/);
    publicOnly.close();
  });

  it("refuses an answer larger than the cap", async () => {
    const guarded = createGuardedFetch({ maxResponseBytes: 256 * 1024 });
    await expect(guarded.fetch(`http://127.0.0.1:${port}/huge`)).rejects.toThrow(
      "the answer is larger than 262144 bytes",
    );
    guarded.close();
  });

  it("refuses a private address given literally, before connecting", async () => {
    const guarded = createGuardedFetch({ refuseAddress: refusedAddressRange });
    await expect(guarded.fetch(`http://127.0.0.1:${port}/ok`)).rejects.toThrow(
      "127.0.0.1 is not a public address (loopback)",
    );
    await expect(guarded.fetch("http://[::ffff:a9fe:a9fe]/")).rejects.toThrow("(linkLocal)");
    guarded.close();
  });

  it("checks the address DNS gives on every connection and connects to that very address (no rebinding window)", async () => {
    const answers = [["127.0.0.1"], ["169.254.169.254"]];
    const seen: string[] = [];
    // A name that first resolves to the test server, then to the metadata service, as a rebinding attacker's would.
    const lookup = ((
      hostname: string,
      _options: unknown,
      callback: (error: Error | null, addresses: { address: string; family: number }[]) => void,
    ) => {
      seen.push(hostname);
      callback(
        null,
        (answers.shift() ?? []).map((address) => ({ address, family: 4 })),
      );
    }) as never;
    const refuseAddress = (address: string) => (address === "127.0.0.1" ? null : refusedAddressRange(address));
    const first = createGuardedFetch({ refuseAddress, lookup });
    const response = await first.fetch(`http://rebind.example:${port}/ok`, { method: "POST", body: "{}" });
    expect(response.status).toBe(200);
    first.close();
    const second = createGuardedFetch({ refuseAddress, lookup });
    await expect(second.fetch(`http://rebind.example:${port}/ok`, { method: "POST", body: "{}" })).rejects.toThrow(
      "rebind.example resolves to 169.254.169.254 (linkLocal), which is not a public address",
    );
    second.close();
    expect(seen).toEqual(["rebind.example", "rebind.example"]);
  });

  it("gives up on a silent target at the request's timeout or the run's limit, whichever comes first", async () => {
    const run = new AbortController();
    const guarded = createGuardedFetch({ signal: run.signal });
    const slow = guarded.fetch(`http://127.0.0.1:${port}/hang`, { signal: AbortSignal.timeout(50) });
    await expect(slow).rejects.toThrow(/timeout/);
    const waiting = guarded.fetch(`http://127.0.0.1:${port}/hang`);
    run.abort(new Error("the run reached its 5-minute limit"));
    await expect(waiting).rejects.toThrow("the run reached its 5-minute limit");
    await expect(guarded.fetch(`http://127.0.0.1:${port}/ok`)).rejects.toThrow("the run reached its 5-minute limit");
    guarded.close();
  });

  it("turns each refusal into a failed exchange the suite shows, never a throw", async () => {
    const guarded = createGuardedFetch({ refuseAddress: refusedAddressRange });
    const client = new FidoClient("http://169.254.169.254/fido", guarded.fetch, 1000);
    const answer = await client.post("/attestation/options", { username: "a" });
    expect(answer).toEqual({
      status: 0,
      body: { error: "request failed: 169.254.169.254 is not a public address (linkLocal)" },
    });
    expect(client.exchanges).toHaveLength(1);
    const open = createGuardedFetch({ refuseAddress: allowAll });
    const unreachable = new FidoClient(`http://127.0.0.1:1/fido`, open.fetch, 1000);
    expect((await unreachable.post("/attestation/options", {})).body).toMatchObject({
      error: expect.stringMatching(/^request failed: fetch failed \(connect ECONNREFUSED/),
    });
    guarded.close();
    open.close();
  });
});
