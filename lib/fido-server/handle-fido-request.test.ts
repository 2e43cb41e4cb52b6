// The API's conventions at the door: the switch, the 1 MB limit, JSON, and never a 500.
import { afterEach, describe, expect, it, vi } from "vitest";
import { failForDevelopers, ok } from "@/lib/result";
import { MAX_BODY_BYTES } from "./conformance-relying-party";
import { handleFidoRequest, type FidoOperation } from "./handle-fido-request";

const echo: FidoOperation = async (body) => ok({ received: body });

function request(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request("http://localhost/fido/attestation/options", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
}

/** A body of `size` bytes streamed in 64 KB chunks with no Content-Length, as a chunked upload arrives. */
function streamed(size: number) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const chunk = new Uint8Array(Math.min(65_536, size - sent)).fill(0x20);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

async function answer(response: Response) {
  return { status: response.status, cacheControl: response.headers.get("cache-control"), body: await response.json() };
}

afterEach(() => vi.restoreAllMocks());

describe("handleFidoRequest", () => {
  it('answers 200 {"status":"ok","errorMessage":""} then the data, uncached', async () => {
    const response = await answer(await handleFidoRequest(request('{"username":"a"}'), echo, true));
    expect(response).toEqual({
      status: 200,
      cacheControl: "no-store",
      body: { status: "ok", errorMessage: "", received: { username: "a" } },
    });
    expect(Object.keys(response.body)).toEqual(["status", "errorMessage", "received"]);
  });

  it("answers a failure Result with 400, status failed and its message and detail", async () => {
    const refuse: FidoOperation = async () =>
      failForDevelopers("fido:not-verified", "Registration refused", "the signature did not verify");
    expect(await answer(await handleFidoRequest(request("{}"), refuse, true))).toEqual({
      status: 400,
      cacheControl: "no-store",
      body: { status: "failed", errorMessage: "Registration refused (the signature did not verify)" },
    });
  });

  it("answers 404 when the API is switched off, without reading the body", async () => {
    const operation = vi.fn(echo);
    const response = await answer(await handleFidoRequest(request("{}"), operation, false));
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      status: "failed",
      errorMessage: expect.stringContaining("FIDO_CONFORMANCE_API=off"),
    });
    expect(operation).not.toHaveBeenCalled();
  });

  it("refuses with 413 a body whose Content-Length is over 1 MB, before reading it", async () => {
    const body = streamed(MAX_BODY_BYTES + 1);
    const response = await handleFidoRequest(
      request(body, { "content-length": String(MAX_BODY_BYTES + 1) }),
      echo,
      true,
    );
    expect((await answer(response)).status).toBe(413);
    expect(body.locked).toBe(false);
  });

  it("refuses with 413 a streamed body that turns out over 1 MB, and accepts one of exactly 1 MB", async () => {
    const over = await answer(await handleFidoRequest(request(streamed(MAX_BODY_BYTES + 1)), echo, true));
    expect(over).toMatchObject({
      status: 413,
      body: { status: "failed", errorMessage: "The request body is larger than 1048576 bytes." },
    });
    const exactly = await handleFidoRequest(
      request(
        streamed(MAX_BODY_BYTES - 2).pipeThrough(
          new TransformStream({ flush: (c) => c.enqueue(new TextEncoder().encode("{}")) }),
        ),
      ),
      echo,
      true,
    );
    expect(exactly.status).toBe(200);
  });

  it.each([
    ["no body", null, /no body/],
    ["an empty body", "", /not valid JSON/],
    ["JSON cut short", '{"username":', /not valid JSON/],
    ["bytes that are not UTF-8", new Uint8Array([0x7b, 0xff, 0x7d]), /not valid UTF-8/],
  ])("refuses %s with 400 and a reason", async (_name, body, reason) => {
    const response = await answer(await handleFidoRequest(request(body as BodyInit | null), echo, true));
    expect(response).toMatchObject({ status: 400, body: { status: "failed" } });
    expect(response.body.errorMessage).toMatch(reason);
  });

  it("turns an unexpected error into a 400 without its stack, and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken: FidoOperation = async () => {
      throw new Error("SQLITE_IOERR: disk I/O error at /secret/path.db");
    };
    const response = await answer(await handleFidoRequest(request("{}"), broken, true));
    expect(response).toEqual({
      status: 400,
      cacheControl: "no-store",
      body: { status: "failed", errorMessage: "The server could not process this request." },
    });
    expect(log).toHaveBeenCalledOnce();
  });
});
