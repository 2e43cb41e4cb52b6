// The suite's HTTP client: cookies kept per case (servers that hold the challenge in a session), the keep-alive race
// retried once, and every exchange recorded.
import { describe, expect, it } from "vitest";
import { FidoClient } from "./fido-client";

describe("FidoClient", () => {
  it("sends back the cookies a server set, like a browser would", async () => {
    const seen: (string | null)[] = [];
    const server: typeof fetch = async (_url, init) => {
      seen.push(new Headers(init?.headers).get("cookie"));
      return Response.json(
        { status: "ok", errorMessage: "" },
        { headers: { "set-cookie": "session=abc; Path=/; HttpOnly" } },
      );
    };
    const client = new FidoClient("http://localhost:9/fido", server);
    await client.post("/attestation/options", { username: "a" });
    await client.post("/attestation/result", {});
    expect(seen).toEqual([null, "session=abc"]);
  });

  it("tries once more after a connection reset, and records both attempts", async () => {
    let calls = 0;
    const flaky: typeof fetch = async () => {
      if (calls++ === 0)
        throw Object.assign(new TypeError("fetch failed"), {
          cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
        });
      return Response.json({ status: "ok", errorMessage: "" });
    };
    const client = new FidoClient("http://localhost:9/fido", flaky);
    expect(await client.post("/assertion/options", { username: "a" })).toEqual({
      status: 200,
      body: { status: "ok", errorMessage: "" },
    });
    expect(client.exchanges.map((exchange) => exchange.response.status)).toEqual([0, 200]);
    expect(client.exchanges[0].response.body).toEqual({ error: "request failed: fetch failed (read ECONNRESET)" });
  });

  it("reports any other network failure as status 0 without retrying, and shortens large bodies", async () => {
    let calls = 0;
    const down: typeof fetch = async () => {
      calls++;
      throw Object.assign(new TypeError("fetch failed"), {
        cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      });
    };
    const client = new FidoClient("http://localhost:9/fido", down);
    const answer = await client.postRaw("/attestation/result", "x".repeat(10_000));
    expect(answer.status).toBe(0);
    expect(calls).toBe(1);
    expect(client.exchanges[0].request.body).toMatch(/^x{512}… \(10000 characters\)$/);
  });
});
